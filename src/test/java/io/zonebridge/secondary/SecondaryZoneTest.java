package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** {@link SecondaryZone}, {@link PrimaryServer} and {@link TsigKeySpec}: parsing, validation, secrecy. */
class SecondaryZoneTest {

    private static final String SECRET = "8Dq2rwPqkVfIqvN8u7lHJdOq0Wm7nqnPqHc0nCqf3bE=";

    @Test
    void parsesPrimariesInEveryShape() {
        assertEquals(new PrimaryServer("192.0.2.1", 53), PrimaryServer.parse("192.0.2.1"));
        assertEquals(new PrimaryServer("192.0.2.1", 5300), PrimaryServer.parse(" 192.0.2.1:5300 "));
        assertEquals(new PrimaryServer("2001:db8::1", 53), PrimaryServer.parse("2001:db8::1"));
        assertEquals(new PrimaryServer("2001:db8::1", 5353), PrimaryServer.parse("[2001:db8::1]:5353"));
        assertEquals(new PrimaryServer("ns1.example.com", 53), PrimaryServer.parse("ns1.example.com"));
        assertEquals("[2001:db8::1]:5353", PrimaryServer.parse("[2001:db8::1]:5353").toString());
    }

    @Test
    void rejectsBadPrimaries() {
        for (String bad : new String[] {"192.0.2.1:0", "192.0.2.1:70000", "192.0.2.1:dns", "[2001:db8::1", ":53"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrimaryServer.parse(bad),
                    bad);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void literalPrimariesMayNotifyByDefault() throws Exception {
        SecondaryZone zone = SecondaryZone.of("example.com", List.of("192.0.2.1", "[2001:db8::1]:53", "ns.example.net"));

        assertEquals(Name.fromString("example.com."), zone.zone());
        assertEquals(3, zone.primaries().size());
        assertTrue(zone.notifySources().allows(InetAddress.getByName("192.0.2.1")));
        assertTrue(zone.notifySources().allows(InetAddress.getByName("2001:db8::1")));
        assertFalse(zone.notifySources().allows(InetAddress.getByName("192.0.2.2")));
        assertTrue(zone.tsig().isEmpty());
        assertEquals(SecondaryZone.DEFAULT_QUERY_TIMEOUT, zone.queryTimeout());
    }

    @Test
    void rejectsBadZones() {
        assertThrows(IllegalArgumentException.class, () -> SecondaryZone.of("example.com", List.of()));
        assertThrows(IllegalArgumentException.class, () -> SecondaryZone.of("bad..name", List.of("192.0.2.1")));
        SecondaryZone zone = SecondaryZone.of("example.com", List.of("192.0.2.1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> zone.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("example.com."), e.getMessage());
    }

    @Test
    void tsigKeyNeverPrintsItsSecret() {
        TsigKeySpec key = new TsigKeySpec("xfr-key", "hmac-sha256", SECRET);
        SecondaryZone zone = SecondaryZone.of("example.com", List.of("192.0.2.1")).withTsigKey(key);

        assertFalse(key.toString().contains(SECRET), key.toString());
        assertFalse(zone.toString().contains(SECRET), zone.toString());
        assertFalse(zone.toString().contains(SECRET.substring(0, 8)), zone.toString());
        assertTrue(key.toString().contains("xfr-key"));
    }

    @Test
    void tsigKeyBuildsADnsjavaKeyForEachAlgorithmSpelling() throws Exception {
        assertEquals(TSIG.HMAC_SHA256, algorithmOf(new TsigKeySpec("k", "hmac-sha256", SECRET)));
        assertEquals(TSIG.HMAC_SHA256, algorithmOf(new TsigKeySpec("k", "HMAC-SHA256.", SECRET)));
        assertEquals(TSIG.HMAC_SHA512, algorithmOf(new TsigKeySpec("k", "hmac-sha512", SECRET)));
        assertEquals(TSIG.HMAC_MD5, algorithmOf(new TsigKeySpec("k", "hmac-md5", SECRET)));
        assertEquals(Name.fromString("k."), new TsigKeySpec("k", "hmac-sha256", SECRET).keyName());
    }

    private static Name algorithmOf(TsigKeySpec spec) throws Exception {
        org.xbill.DNS.Message m = new org.xbill.DNS.Message();
        spec.toTsig().apply(m, null);
        return m.getTSIG().getAlgorithm();
    }

    @Test
    void badTsigKeysAreRejectedWithoutEchoingTheSecret() {
        IllegalArgumentException alg = assertThrows(IllegalArgumentException.class,
                () -> new TsigKeySpec("k", "hmac-sha999", SECRET));
        assertTrue(alg.getMessage().contains("hmac-sha999"), alg.getMessage());
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> new TsigKeySpec("k", "hmac-sha256", "not base64 !!secret!!"));
        assertTrue(secret.getMessage().contains("base64"), secret.getMessage());
        assertFalse(secret.getMessage().contains("!!secret!!"), secret.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TsigKeySpec("k", "hmac-sha256", ""));
        assertThrows(IllegalArgumentException.class, () -> new TsigKeySpec("bad..name", "hmac-sha256", SECRET));
    }
}
