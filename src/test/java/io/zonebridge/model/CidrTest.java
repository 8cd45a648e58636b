package io.zonebridge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one CIDR type: blocks and bare addresses, IPv4 and IPv6, and the blocks it refuses. */
class CidrTest {

    @Test
    void containsTheAddressesOfItsBlockOnly() {
        Cidr block = Cidr.parse("10.0.2.0/25");
        assertTrue(block.isIpv4());
        assertEquals(25, block.bits());
        assertTrue(block.contains(Cidr.parseAddress("10.0.2.127")));
        assertFalse(block.contains(Cidr.parseAddress("10.0.2.128")));
        assertFalse(block.contains(Cidr.parseAddress("2001:db8::1")), "an IPv6 address is never in an IPv4 block");
        assertFalse(block.contains(null));
        assertEquals("10.0.2.0/25", block.toString());

        Cidr v6 = Cidr.parse("2001:db8::/32");
        assertFalse(v6.isIpv4());
        assertTrue(v6.contains(Cidr.parseAddress("2001:db8:ffff::9")));
        assertFalse(v6.contains(Cidr.parseAddress("2001:db9::1")));

        assertTrue(Cidr.parse("0.0.0.0/0").contains(Cidr.parseAddress("203.0.113.5")));
        Cidr host = Cidr.parse("127.0.0.1");
        assertEquals(32, host.bits());
        assertTrue(host.contains(Cidr.parseAddress("127.0.0.1")));
        assertFalse(host.contains(Cidr.parseAddress("127.0.0.2")));
        assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.of(new byte[] {10, 0, 0, 0}, 8));
    }

    @Test
    void refusesWhatIsNotABlockNamingIt() {
        assertRefused("'10.0.0.1/8': 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?", "10.0.0.1/8");
        assertRefused("'10.0.0.0/33': prefix length 33 outside 0..32", "10.0.0.0/33");
        assertRefused("'10.0.0.0/x' has a non-numeric prefix length", "10.0.0.0/x");
        assertRefused("'host.example/8' is not an IPv4/IPv6 address or CIDR block", "host.example/8");
        assertRefused("'' is empty", "");
        assertThrows(IllegalArgumentException.class, () -> Cidr.parseAddress("999.1.2.3"));
    }

    private static void assertRefused(String message, String text) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text)).getMessage());
    }
}
