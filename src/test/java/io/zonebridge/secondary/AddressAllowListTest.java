package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressAllowListTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void matchesIpv4BlocksAndSingleAddresses() throws Exception {
        AddressAllowList list = AddressAllowList.parse("10.0.0.0/8", "127.0.0.1", "192.0.2.128/25");

        assertTrue(list.allows(ip("10.255.1.2")));
        assertTrue(list.allows(ip("127.0.0.1")));
        assertTrue(list.allows(ip("192.0.2.200")));
        assertFalse(list.allows(ip("192.0.2.127")));
        assertFalse(list.allows(ip("127.0.0.2")));
        assertFalse(list.allows(ip("11.0.0.1")));
    }

    @Test
    void matchesIpv6BlocksAndKeepsFamiliesApart() throws Exception {
        AddressAllowList list = AddressAllowList.parse("2001:db8::/32", "::1", "0.0.0.0/0");

        assertTrue(list.allows(ip("2001:db8:ffff::9")));
        assertTrue(list.allows(ip("::1")));
        assertFalse(list.allows(ip("2001:db9::1")));
        assertTrue(list.allows(ip("203.0.113.5")), "0.0.0.0/0 allows every IPv4 address");
        assertFalse(AddressAllowList.parse("0.0.0.0/0").allows(ip("::2")), "but no IPv6 address");
    }

    @Test
    void emptyAllowsNothing() throws Exception {
        assertFalse(AddressAllowList.none().allows(ip("127.0.0.1")));
        assertFalse(AddressAllowList.parse("127.0.0.1").allows(null));
        assertTrue(AddressAllowList.none().plus(AddressAllowList.parse("127.0.0.1")).allows(ip("127.0.0.1")));
    }

    @Test
    void badEntriesAreRejectedNamingTheEntry() {
        for (String bad : new String[] {"example.com", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x", "10.0.0.1/8",
                "", "300.1.1.1", "10.0.0.0/-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AddressAllowList.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad.isEmpty() ? "empty" : "'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void hostBitsSuggestTheNetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressAllowList.parse("10.1.2.3/8"));
        assertTrue(e.getMessage().contains("did you mean 10.0.0.0/8"), e.getMessage());
    }
}
