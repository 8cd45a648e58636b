package io.zonebridge.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** The winner rule, the autodefined reverse domains of a CIDR, and the query name of an address. */
class WinnerRuleTest {

    private static AnswerSource source(SourceKind kind, String domain, boolean inEffect) throws TextParseException {
        return AnswerSource.of(kind, Name.fromString(domain), kind + "-" + domain, "", inEffect, inEffect ? "" : "no");
    }

    @Test
    void mostSpecificDomainInEffectWins() throws Exception {
        AnswerSource zone = source(SourceKind.PRIVATE_ZONE, "10.in-addr.arpa.", true);
        AnswerSource autodefined = source(SourceKind.AUTODEFINED_REVERSE, "0.10.in-addr.arpa.", true);
        AnswerSource unassociated = source(SourceKind.FORWARD_RULE, "0.0.10.in-addr.arpa.", false);
        Winner winner = Winner.choose(List.of(zone, autodefined, unassociated,
                source(SourceKind.INTERNET, ".", true)));
        assertEquals(autodefined, winner.answeredBy());
        assertTrue(winner.why().contains("most specific"), winner.why());
    }

    @Test
    void atEqualDomainRulesBeatZonesAndZonesBeatAutodefinedRules() throws Exception {
        AnswerSource zone = source(SourceKind.PRIVATE_ZONE, "0.10.in-addr.arpa.", true);
        AnswerSource autodefined = source(SourceKind.AUTODEFINED_REVERSE, "0.10.in-addr.arpa.", true);
        AnswerSource rule = source(SourceKind.FORWARD_RULE, "0.10.in-addr.arpa.", true);
        assertEquals(zone, Winner.choose(List.of(autodefined, zone)).answeredBy());
        assertEquals(rule, Winner.choose(List.of(autodefined, zone, rule)).answeredBy());
    }

    @Test
    void systemRuleHandsTheQueryToTheMostSpecificLocalSource() throws Exception {
        AnswerSource forward = source(SourceKind.FORWARD_RULE, "in-addr.arpa.", true);
        AnswerSource system = source(SourceKind.SYSTEM_RULE, "10.in-addr.arpa.", true);
        AnswerSource zone = source(SourceKind.PRIVATE_ZONE, "10.in-addr.arpa.", true);
        Winner winner = Winner.choose(List.of(forward, system, zone, source(SourceKind.INTERNET, ".", true)));
        assertEquals(system, winner.rule());
        assertEquals(zone, winner.answeredBy());
        assertThrows(IllegalArgumentException.class, () -> Winner.choose(List.of(
                source(SourceKind.PRIVATE_ZONE, "x.", false))));
    }

    @Test
    void autodefinedDomainsAreTheMostGenericAtOctetBoundaries() throws Exception {
        assertEquals(List.of(Name.fromString("0.10.in-addr.arpa.")), AutodefinedReverseDomains.of("10.0.0.0/16"));
        assertEquals(List.of(Name.fromString("2.104.10.in-addr.arpa.")),
                AutodefinedReverseDomains.of("10.104.2.0/24"));
        assertEquals(List.of(Name.fromString("52.237.10.in-addr.arpa."), Name.fromString("53.237.10.in-addr.arpa."),
                Name.fromString("54.237.10.in-addr.arpa."), Name.fromString("55.237.10.in-addr.arpa.")),
                AutodefinedReverseDomains.of("10.237.52.0/22"));
        assertEquals(16, AutodefinedReverseDomains.of("172.16.0.0/12").size());
        assertEquals(Name.fromString("31.172.in-addr.arpa."), AutodefinedReverseDomains.of("172.16.0.0/12").get(15));
        assertThrows(IllegalArgumentException.class, () -> AutodefinedReverseDomains.of("10.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> AutodefinedReverseDomains.of("fd00::/8"));
    }

    @Test
    void addressesBecomePtrQueriesAndNamesAQueries() {
        LookupQuery v4 = LookupQuery.parse("10.0.3.9", null);
        assertEquals("9.3.0.10.in-addr.arpa.", v4.name().toString());
        assertEquals("PTR", v4.typeName());
        LookupQuery v6 = LookupQuery.parse("2001:db8::1", null);
        assertTrue(v6.name().toString().endsWith(".8.b.d.0.1.0.0.2.ip6.arpa."), v6.name().toString());
        LookupQuery name = LookupQuery.parse("web.corp.example", "aaaa");
        assertEquals("web.corp.example.", name.name().toString());
        assertEquals("AAAA", name.typeName());
        assertEquals("PTR", LookupQuery.parse("9.3.0.10.in-addr.arpa", null).typeName());
        assertThrows(IllegalArgumentException.class, () -> LookupQuery.parse("web.corp.example", "NOPE"));
        assertThrows(IllegalArgumentException.class, () -> LookupQuery.parse(" ", null));
    }

    @Test
    void theVpcResolverIsTheBaseOfThePrimaryCidrPlusTwo() {
        assertEquals("10.0.0.2:53", Doctor.vpcResolver(new Ec2Reads.VpcFacts("vpc-1", List.of("10.0.0.0/16",
                "100.64.0.0/16"), true)).toString().replaceFirst("^[^/]*/", ""));
        assertEquals("172.31.0.2:53", Doctor.vpcResolver(new Ec2Reads.VpcFacts("vpc-2", List.of("172.31.0.0/16"),
                true)).toString().replaceFirst("^[^/]*/", ""));
    }

    @Test
    void portRulesMatchProtocolPortAndCidr() {
        PortRule udp = PortRule.of(100, "17", 53, 53, "192.0.2.0/24", true);
        assertTrue(udp.matches("udp", "192.0.2.10") && udp.coversPort(53));
        assertTrue(!udp.matches("tcp", "192.0.2.10") && !udp.matches("udp", "192.0.3.10") && !udp.coversPort(54));
        PortRule all = PortRule.of(0, "-1", null, null, "0.0.0.0/0", true);
        assertTrue(all.matches("tcp", "203.0.113.9") && all.coversPort(65535));
    }
}
