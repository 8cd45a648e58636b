package io.zonebridge.app;

import static io.zonebridge.app.Eventually.assertEqualsWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.NotifyReason;
import io.zonebridge.secondary.TsigKeySpec;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * The NOTIFY listener on TCP (RFC 1035 4.2.2 framing) in the service's real routes, next to the UDP one on the same
 * address: several NOTIFYs on one connection, a TSIG-signed NOTIFY answered signed, a connection closed right after
 * its NOTIFY still starting the transfer, trailing bytes answered FORMERR, a frame that is not DNS closing the
 * connection, an idle connection closed, and one duplicate window for both transports. A real BIND is the primary;
 * the local Route 53 hosts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/notify-tcp-test/zonebridge.yaml",
        "zonebridge.apply.debounceCheck=50", "zonebridge.refresh.tick=200"})
class NotifyTcpTest {

    private static final Path DIR = Path.of("target/notify-tcp-test");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static BindPrimary bind;
    private static LocalRoute53 route53;
    private static TsigKeySpec key;
    private static int notifyPort;
    private static final Map<String, String> ids = new HashMap<>();

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeanInject
    CamelContext context;

    @BeanInject
    NotifyReceiver receiver;

    @BeforeAll
    static void startPeers() throws Exception {
        Files.createDirectories(DIR);
        notifyPort = BindPrimary.freePort();
        key = BindPrimary.newXfrKey();
        bind = BindPrimary.start(notifyPort, Map.of(), key);
        route53 = new LocalRoute53();
        for (String zone : new String[] {"example.test", "reload.test", "secure.test"}) {
            ids.put(zone, route53.createZone(zone));
        }
        Files.writeString(DIR.resolve("xfr.key"), key.secretBase64());
        Files.writeString(DIR.resolve("zonebridge.yaml"), """
                route53:
                  endpoint: %s
                  rateLimitPerSecond: 100
                tsigKeys:
                  xfr-key: { algorithm: hmac-sha256, secretFile: %s }
                secondary:
                  notify:
                    listen: 127.0.0.1:%d
                    allowFrom: [127.0.0.1]
                    tcpIdleTimeout: 1s
                  defaults:
                    primaries: [%s]
                    transferTimeout: 10s
                  zones:
                    - { name: example.test, hostedZone: { id: %s } }
                    - { name: reload.test, hostedZone: { id: %s } }
                    - { name: secure.test, tsigKey: xfr-key, hostedZone: { id: %s } }
                """.formatted(route53.endpoint(), DIR.resolve("xfr.key").toAbsolutePath(), notifyPort,
                bind.primary(), ids.get("example.test"), ids.get("reload.test"), ids.get("secure.test")));
    }

    @AfterAll
    static void stopPeers() throws Exception {
        if (bind != null) {
            bind.close();
        }
        if (route53 != null) {
            route53.close();
        }
    }

    @BeforeEach
    void captureLog() {
        lines.list.clear();
        lines.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(lines);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(lines);
    }

    @Test
    void bothListenersRunOnTheSameAddress() {
        for (String route : new String[] {"notify-listener", "notify-listener-tcp", "notify-received"}) {
            assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus(route), route);
        }
    }

    @Test
    void severalNotifiesOnOneConnectionAreEachAnsweredInOrder() throws Exception {
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(5))) {
            byte[] pipelined = concat(DnsTcpClient.frame(notify("nobody.test.", 101, null).toWire()),
                    DnsTcpClient.frame(notify("other.test.", 102, null).toWire()),
                    DnsTcpClient.frame(notify("third.test.", 103, null).toWire()));
            client.writeRaw(pipelined);
            for (int id : new int[] {101, 102, 103}) {
                Message response = client.receive();
                assertEquals(id, response.getHeader().getID());
                assertEquals(Rcode.REFUSED, response.getRcode(), "unknown zone: " + response);
            }
            client.send(notify("late.test.", 104, null).toWire());
            assertEquals(104, client.receive().getHeader().getID(), "the connection stays open for more");
        }
    }

    @Test
    void aSignedNotifyOverTcpIsAnsweredWithAResponseSignedWithTheKey() throws Exception {
        TSIG tsig = key.toTsig();
        Message notify = notify("secure.test.", 201, 7L);
        tsig.apply(notify, null);
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(5))) {
            client.send(notify.toWire());
            byte[] wire = client.receive().toWire();
            Message response = new Message(wire);
            assertEquals(Rcode.NOERROR, response.getRcode());
            assertNotNull(response.getTSIG(), "the response is signed");
            assertEquals(Rcode.NOERROR, tsig.verify(response, wire, notify.getTSIG()), "and verifies with the key");
        }
    }

    @Test
    void aNotifyOnAConnectionClosedRightAfterStillStartsTheTransfer() throws Exception {
        awaitEqual("reload.test");
        long serial = bind.serial("reload.test") + 1;
        bind.rewriteZone("reload.test", BindPrimary.resourceText("reload.test.db")
                .replace("2024010101", Long.toString(serial)) + "closed IN A 192.0.2.44\n");
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(5))) {
            client.send(notify("reload.test.", 301, serial).toWire());
            client.abort();
        }
        awaitEqual("reload.test");
        assertTrue(route53.records(ids.get("reload.test")).keySet().stream()
                .anyMatch(k -> k.name().equals("closed.reload.test.")), "the change arrived");
        assertEquals(List.of(), warnings().stream().filter(w -> !w.contains("(" + NotifyConnectionErrors.REASON + ")"))
                .toList(), "a client that leaves without reading its answer is at most a bounded connection line");
    }

    @Test
    void trailingBytesAfterTheMessageInAFrameAreFormErr() throws Exception {
        byte[] notify = notify("example.test.", 401, 99L).toWire();
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(5))) {
            client.send(Arrays.copyOf(notify, notify.length + 3000));
            Message response = client.receive();
            assertEquals(401, response.getHeader().getID());
            assertEquals(Rcode.FORMERR, response.getRcode());
        }
    }

    @Test
    void aFrameThatIsNotDnsClosesTheConnectionAndTheListenerGoesOn() throws Exception {
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(5))) {
            client.send("hello".getBytes());
            assertTrue(client.closedByServer(), "no answer to 5 bytes, and the connection is closed");
        }
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(5))) {
            client.send(notify("nobody.test.", 501, null).toWire());
            assertEquals(Rcode.REFUSED, client.receive().getRcode(), "still answering");
        }
    }

    @Test
    void aConnectionWhoseLengthPrefixPromisesMoreThanComesIsClosedWhenIdle() throws Exception {
        byte[] notify = notify("example.test.", 701, null).toWire();
        byte[] lying = DnsTcpClient.frame(notify);
        lying[1] = (byte) (notify.length + 100);
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(4))) {
            long start = System.nanoTime();
            client.writeRaw(lying);
            assertTrue(client.closedByServer(), "closed by the listener within 4 s (idle timeout 1 s)");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 900, "not before the idle timeout: " + millis + " ms");
        }
    }

    @Test
    void oneDuplicateWindowForUdpAndTcp() throws Exception {
        Message notify = notify("example.test.", 601, 424242L);
        long duplicates = receiver.stats().get(NotifyReason.DUPLICATE);
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            byte[] wire = notify.toWire();
            udp.send(new DatagramPacket(wire, wire.length, InetAddress.getByName("127.0.0.1"), notifyPort));
            udp.setSoTimeout(5000);
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            udp.receive(reply);
            assertEquals(Rcode.NOERROR, new Message(Arrays.copyOf(reply.getData(), reply.getLength())).getRcode());
        }
        try (DnsTcpClient client = new DnsTcpClient(notifyPort, Duration.ofSeconds(5))) {
            client.send(notify.toWire());
            assertEquals(Rcode.NOERROR, client.receive().getRcode(), "a repeat is answered too");
        }
        assertEquals(duplicates + 1, receiver.stats().get(NotifyReason.DUPLICATE),
                "the same (zone, serial) over TCP after UDP is a duplicate");
    }

    private List<String> warnings() {
        return lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void awaitEqual(String zone) throws InterruptedException {
        assertEqualsWithin(WAIT, () -> {
            try {
                return LocalRoute53.expected(zone + ".", bind.digAxfr(zone));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> route53.records(ids.get(zone)), "hosted zone " + zone + " equals the primary's zone");
    }

    static Message notify(String zone, int id, Long serial) throws Exception {
        Name name = Name.fromString(zone);
        Message m = new Message(id);
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(Record.newRecord(name, Type.SOA, DClass.IN), Section.QUESTION);
        if (serial != null) {
            m.addRecord(new SOARecord(name, DClass.IN, 300, Name.fromString("ns1", name),
                    Name.fromString("hostmaster", name), serial, 3600, 600, 86400, 300), Section.ANSWER);
        }
        return m;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
