package io.zonebridge.app;

import org.junit.jupiter.api.extension.RegisterExtension;
import static io.zonebridge.app.Eventually.assertEqualsWithin;
import static io.zonebridge.app.Eventually.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.secondary.BindPrimary;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The service's real YAML routes and beans against a real BIND primary and the local Route 53: NOTIFY → IXFR →
 * hosted zone equal to the primary's zone; nsupdate → NOTIFY → IXFR; a TSIG-only zone; a wrong key (nothing
 * applied, error recorded); NOTIFYs from strangers answered REFUSED; a lost NOTIFY caught by the refresh timer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/secondary-pipeline-test/zonebridge.yaml",
        "zonebridge.apply.debounceCheck=50", "zonebridge.refresh.tick=200",
        "zonebridge.apply.redeliveryDelay=50"})
class SecondaryPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final SecondaryPeers peers = new SecondaryPeers("secondary-pipeline-test");

    private static BindPrimary bind;

    @BeanInject
    CamelContext context;

    @BeanInject
    ZoneStatusBoard board;

    @BeforeAll
    static void startPeers() throws Exception {
        bind = peers.startBind(BindPrimary.zones(
                        "wrongkey.test", zoneText("wrongkey.test", 1, "a IN A 192.0.2.5"),
                        "lost.test", zoneText("lost.test", 1, "a IN A 192.0.2.6"),
                        "delta.test", zoneText("delta.test", 1, "a IN A 192.0.2.7\nb IN A 192.0.2.8")),
                Map.of("wrongkey.test", "allow-transfer { key \"xfr-key\"; };", "lost.test", "notify no;",
                        "delta.test", "allow-update { key \"xfr-key\"; };"));
        peers.createZones("example.test", "dyn.test", "secure.test", "wrongkey.test", "lost.test", "delta.test");
        Path wrongKey = Files.writeString(peers.dir().resolve("wrong.key"), BindPrimary.newXfrKey().secretBase64());
        peers.writeConfig(bind.primary(), "  wrong-key: { algorithm: hmac-sha256, secretFile: %s }\n"
                .formatted(wrongKey.toAbsolutePath()), """
                - { name: example.test, hostedZone: { id: %s } }
                - { name: dyn.test, hostedZone: { id: %s } }
                - { name: secure.test, tsigKey: xfr-key, hostedZone: { id: %s } }
                - { name: wrongkey.test, tsigKey: wrong-key, retry: 1s, hostedZone: { id: %s } }
                - { name: lost.test, refresh: 2s, hostedZone: { id: %s } }
                - { name: delta.test, hostedZone: { id: %s } }
                - { name: reload.test, hostedZone: { id: Z0NOSUCHZONE0 } }
                """.formatted(peers.id("example.test"), peers.id("dyn.test"), peers.id("secure.test"),
                peers.id("wrongkey.test"), peers.id("lost.test"), peers.id("delta.test")));
    }

    @Test
    void loadsTheServiceRoutes() {
        for (String route : new String[] {"notify-listener", "notified-work", "zone-refresh", "zone-mirror",
                "zone-file-watch", "zone-apply", "zone-sync"}) {
            assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus(route), route);
        }
    }

    @Test
    void notifyThenIxfrMakesTheHostedZoneEqualThePrimary() throws Exception {
        awaitEqual("example.test", false);
        long serial = bind.serial("example.test");
        bind.rewriteZone("example.test", BindPrimary.resourceText("example.test.db")
                .replace("2024010101", Long.toString(serial + 1))
                .replace("www         IN A    192.0.2.11", "www         IN A    192.0.2.12")
                + "new         IN A    192.0.2.77\n");
        awaitEqual("example.test", false);
        String key = "default/" + peers.id("example.test");
        assertWithin(WAIT, () -> board.get(key).map(s -> s.serial() == serial + 1).orElse(false),
                () -> "the run that applied serial " + (serial + 1) + " is recorded: " + board.get(key));
        ZoneStatus status = board.get(key).orElseThrow();
        assertEquals(serial + 1, status.serial());
        assertTrue(status.last().message().contains("IXFR"), "applied from an IXFR: " + status.last());
    }

    @Test
    void dynamicUpdateThenNotifyThenIxfr() throws Exception {
        awaitEqual("dyn.test", false);
        bind.nsupdate("zone dyn.test\nupdate add host3.dyn.test. 300 IN A 198.51.100.3\n"
                + "update delete host1.dyn.test. A");
        awaitEqual("dyn.test", false);
        Map<RecordKey, RecordSet> records = peers.route53().records(peers.id("dyn.test"));
        assertTrue(records.containsKey(RecordKey.of("host3.dyn.test.", "A")), records.toString());
        assertTrue(!records.containsKey(RecordKey.of("host1.dyn.test.", "A")), records.toString());
    }

    @Test
    void anIxfrAfterTheFirstSyncReachesTheHostedZoneWithOneChangeAndNoRead() throws Exception {
        String key = "default/" + peers.id("delta.test");
        long first = bind.serial("delta.test");
        for (String zone : new String[] {"example.test", "dyn.test", "lost.test", "delta.test"}) {
            awaitEqual(zone, false); // every first sync (one full read each) is done
        }
        awaitEqual("secure.test", true);
        assertWithin(WAIT, () -> board.get(key).map(s -> s.serial() == first).orElse(false),
                () -> "the first sync of delta.test is recorded: " + board.get(key));
        long lists = peers.route53().server().counters().requests("ListResourceRecordSets");
        long changes = peers.route53().changeRequests();

        bind.nsupdate("zone delta.test\nupdate delete a.delta.test. A\nupdate add a.delta.test. 300 IN A 192.0.2.70\n"
                + "update delete b.delta.test. A\nupdate add c.delta.test. 60 IN TXT \"new\"");
        assertWithin(WAIT, () -> board.get(key).map(s -> s.serial() == first + 1).orElse(false),
                () -> "the run that applied the update is recorded: " + board.get(key));

        assertEquals(lists, peers.route53().server().counters().requests("ListResourceRecordSets"),
                "no ListResourceRecordSets after the first sync");
        assertEquals(changes + 1, peers.route53().changeRequests(), "one ChangeResourceRecordSets");
        awaitEqual("delta.test", false); // (this test's own reads, after the count)
        String message = board.get(key).orElseThrow().last().message();
        assertTrue(message.contains("IXFR") && message.contains("planned only the 4 changed name(s)"), message);
    }

    @Test
    void tsigOnlyZoneIsTransferredWithTheKey() throws Exception {
        awaitEqual("secure.test", true);
        bind.nsupdate("zone secure.test\nupdate add door.secure.test. 3600 IN A 203.0.113.8");
        awaitEqual("secure.test", true);
    }

    @Test
    void wrongKeyAppliesNothingAndRecordsTheError() throws Exception {
        String key = "default/" + peers.id("wrongkey.test");
        assertWithin(WAIT, () -> board.get(key).map(s -> s.failures() >= 2).orElse(false),
                () -> "two failed runs recorded for wrongkey.test: " + board.get(key));
        ZoneStatus status = board.get(key).orElseThrow();
        assertEquals(SyncOutcome.Result.FAILED, status.last().result());
        assertTrue(status.lastError().contains("nothing applied") && status.lastError().contains("TSIG"),
                status.lastError());
        assertTrue(peers.route53().records(peers.id("wrongkey.test")).isEmpty(), "nothing applied to wrongkey.test");
    }

    @Test
    void route53FailuresAreRedeliveredByTheErrorHandlingRouteConfiguration() throws Exception {
        String key = "default/Z0NOSUCHZONE0";
        // 1 delivery + 3 redeliveries (zonebridge.apply.redeliveries) long before the SOA retry (600 s) comes round
        assertWithin(WAIT, () -> board.get(key).map(s -> s.failures() >= 4).orElse(false),
                () -> "four failed runs of reload.test: " + board.get(key));
        // then it stops: the count settles (a trigger that came in meanwhile, such as BIND's NOTIFY at start, may add
        // its own run, but nothing keeps redelivering)
        long[] last = {-1};
        long[] since = {System.nanoTime()};
        assertWithin(WAIT, () -> {
            long now = board.get(key).orElseThrow().failures();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] > 2_000_000_000L;
        }, () -> "the failed runs of reload.test settle: " + board.get(key));
        ZoneStatus status = board.get(key).orElseThrow();
        assertTrue(status.failures() >= 4 && status.failures() < 8,
                "the configured redeliveries, not a redelivery loop: " + status);
        assertTrue(status.lastError().contains("no hosted zone with id Z0NOSUCHZONE0"), status.lastError());
    }

    @Test
    void notifyFromAStrangerIsRefused() throws Exception {
        Message fromStranger = sendNotify("example.test.", "127.0.0.2");
        assertEquals(Rcode.REFUSED, fromStranger.getRcode());
        Message unknownZone = sendNotify("nobody.test.", "127.0.0.1");
        assertEquals(Rcode.REFUSED, unknownZone.getRcode());
        assertTrue(unknownZone.getHeader().getFlag(Flags.QR));
    }

    @Test
    void malformedPacketsAreDroppedAndTheListenerKeepsAnswering() throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            byte[] garbage = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            socket.send(new java.net.DatagramPacket(garbage, garbage.length, InetAddress.getByName("127.0.0.1"),
                    peers.notifyPort()));
            socket.setSoTimeout(500);
            java.net.DatagramPacket reply = new java.net.DatagramPacket(new byte[512], 512);
            assertThrows(java.net.SocketTimeoutException.class, () -> socket.receive(reply),
                    "no answer to a packet shorter than a DNS header");
        }
        assertEquals(Rcode.REFUSED, sendNotify("nobody.test.", "127.0.0.1").getRcode(), "still answering");
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("notify-listener"));
    }

    @Test
    void lostNotifyIsCaughtByTheRefreshTimer() throws Exception {
        awaitEqual("lost.test", false);
        bind.rewriteZone("lost.test", zoneText("lost.test", 2, "a IN A 192.0.2.66\nb IN A 192.0.2.67"));
        awaitEqual("lost.test", false);
        // the board records the serial once the apply finished, just after Route 53 shows the records
        assertEqualsWithin(Duration.ofSeconds(5), () -> 2L,
                () -> board.get("default/" + peers.id("lost.test")).orElseThrow().serial(), "serial on the status board");
    }

    private void awaitEqual(String zone, boolean withKey) throws InterruptedException {
        assertEqualsWithin(WAIT, () -> {
            try {
                return LocalRoute53.expected(zone + ".", withKey ? bind.digAxfrWithKey(zone) : bind.digAxfr(zone));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> peers.route53().records(peers.id(zone)), "hosted zone " + zone + " equals the primary's zone");
    }

    private Message sendNotify(String zone, String fromAddress) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), peers.notifyPort()));
        resolver.setLocalAddress(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        resolver.setTimeout(Duration.ofSeconds(3));
        Message notify = Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN));
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().unsetFlag(Flags.RD);
        return resolver.send(notify);
    }

    private static String zoneText(String zone, long serial, String records) {
        return "$TTL 300\n@ IN SOA ns1." + zone + ". hostmaster." + zone + ". " + serial + " 3600 600 86400 60\n"
                + "@ IN NS ns1." + zone + ".\nns1 IN A 192.0.2.1\n" + records + "\n";
    }
}
