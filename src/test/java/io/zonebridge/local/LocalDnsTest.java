package io.zonebridge.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import software.amazon.awssdk.services.route53.Route53Client;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.zonebridge.local.Route53Fixture.create;
import static io.zonebridge.local.Route53Fixture.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's DNS port, queried with dnsjava's SimpleResolver (UDP and TCP) and with the real dig. */
class LocalDnsTest {
    private static LocalAwsServer server;

    @BeforeAll
    static void start() {
        server = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(0));
        server.start(0);
        try (Route53Client a = Route53Fixture.client(server, "111111111111");
             Route53Client b = Route53Fixture.client(server, "222222222222")) {
            String reverse = Route53Fixture.privateZone(a, "1.0.10.in-addr.arpa", "vpc-0dd5").hostedZone().id();
            create(a, reverse, set("25.1.0.10.in-addr.arpa", "PTR", 300, "host.example.internal."));
            String wide = Route53Fixture.privateZone(b, "10.in-addr.arpa", "vpc-0dd6").hostedZone().id();
            create(b, wide, set("25.1.0.10.in-addr.arpa", "PTR", 300, "shadowed.example.internal."),
                    set("9.9.9.10.in-addr.arpa", "PTR", 300, "nine.example.internal."));
            String forward = Route53Fixture.publicZone(a, "dns.example.org");
            create(a, forward, set("www.dns.example.org", "A", 60, "192.0.2.10", "192.0.2.11"),
                    set("alias.dns.example.org", "CNAME", 60, "www.dns.example.org"),
                    set("*.wild.dns.example.org", "TXT", 60, "\"wildcard\""),
                    set("deep.ent.dns.example.org", "A", 60, "192.0.2.12"),
                    set("sub.dns.example.org", "NS", 3600, "ns1.elsewhere.net."));
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Message query(String name, int type, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
        resolver.setPort(server.dnsPort());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static List<String> answers(Message response) {
        return response.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    @Test
    void reversePtrIsAnsweredAuthoritativelyOverUdp() throws IOException {
        Message response = query(ReverseMap.fromAddress("10.0.1.25").toString(), Type.PTR, false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertEquals(List.of("host.example.internal."), answers(response));
        assertEquals(300, response.getSection(Section.ANSWER).get(0).getTTL());
    }

    @Test
    void mostSpecificZoneWinsAcrossAccountsAndTheWiderZoneStillAnswersItsOwnNames() throws IOException {
        assertEquals(List.of("host.example.internal."), answers(query("25.1.0.10.in-addr.arpa.", Type.PTR, true)));
        assertEquals(List.of("nine.example.internal."), answers(query("9.9.9.10.in-addr.arpa.", Type.PTR, true)));
    }

    @Test
    void missingNameIsNxdomainWithSoaAndAa() throws IOException {
        Message response = query("26.1.0.10.in-addr.arpa.", Type.PTR, false);
        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        Record soa = response.getSection(Section.AUTHORITY).get(0);
        assertEquals(Type.SOA, soa.getType());
        assertEquals("1.0.10.in-addr.arpa.", soa.getName().toString());
        assertEquals(900, soa.getTTL());
    }

    @Test
    void existingNameWithoutTheTypeIsNoerrorEmptyWithSoa() throws IOException {
        Message response = query("www.dns.example.org.", Type.AAAA, false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(answers(response).isEmpty());
        assertEquals(Type.SOA, response.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void emptyNonTerminalIsNoerrorNotNxdomain() throws IOException {
        Message response = query("ent.dns.example.org.", Type.A, false);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(answers(response).isEmpty());
    }

    @Test
    void allValuesOfASetAreAnsweredOverTcp() throws IOException {
        assertEquals(List.of("192.0.2.10", "192.0.2.11"), answers(query("www.dns.example.org.", Type.A, true)));
    }

    @Test
    void cnameIsFollowedWithinTheZone() throws IOException {
        assertEquals(List.of("www.dns.example.org.", "192.0.2.10", "192.0.2.11"),
                answers(query("alias.dns.example.org.", Type.A, false)));
    }

    @Test
    void wildcardSynthesisesTheQueriedName() throws IOException {
        Message response = query("anything.wild.dns.example.org.", Type.TXT, false);
        assertEquals(List.of("wildcard"), ((TXTRecord) response.getSection(Section.ANSWER).get(0)).getStrings());
        assertEquals("anything.wild.dns.example.org.", response.getSection(Section.ANSWER).get(0).getName().toString());
    }

    @Test
    void namesBelowADelegationGetAReferralWithoutAa() throws IOException {
        Message response = query("host.sub.dns.example.org.", Type.A, false);
        assertFalse(response.getHeader().getFlag(Flags.AA));
        assertEquals("ns1.elsewhere.net.", response.getSection(Section.AUTHORITY).get(0).rdataToString());
    }

    @Test
    void nameOutsideEveryZoneIsRefused() throws IOException {
        assertEquals(Rcode.REFUSED, query("www.nowhere.test.", Type.A, false).getRcode());
    }

    @Test
    void digShowsThePtrWithTheAaFlag() throws IOException, InterruptedException {
        Process dig = new ProcessBuilder("dig", "@127.0.0.1", "-p", String.valueOf(server.dnsPort()), "-x",
                "10.0.1.25", "+tries=1", "+time=3").redirectErrorStream(true).start();
        String output = new String(dig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dig.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, dig.exitValue(), output);
        assertTrue(output.contains("status: NOERROR"), output);
        assertTrue(output.matches("(?s).*flags: qr aa[ a-z]*;.*"), output);
        assertTrue(output.matches("(?s).*25\\.1\\.0\\.10\\.in-addr\\.arpa\\.\\s+300\\s+IN\\s+PTR\\s+"
                + "host\\.example\\.internal\\..*"), output);
    }
}
