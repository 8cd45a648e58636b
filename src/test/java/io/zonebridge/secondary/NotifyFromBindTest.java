package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * Real NOTIFYs from a real BIND primary, received on the also-notify UDP port, judged by {@link NotifyHandler}
 * and answered with its response; BIND must stop resending what was answered (and does resend what was not).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifyFromBindTest {

    private static final Set<String> NEVER_ANSWERED = Set.of("dyn.test.");

    private static DatagramSocket socket;
    private static BindPrimary bind;
    private static volatile NotifyHandler handler;
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static Thread listener;
    private static long startedAt;

    /** One NOTIFY as it arrived, and what the handler made of it (null when deliberately left unanswered). */
    record Received(long atMillis, Name zone, int id, NotifyOutcome outcome) {
    }

    @BeforeAll
    static void start() throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        TsigKeySpec key = BindPrimary.newXfrKey();
        AddressAllowList loopback = AddressAllowList.parse("127.0.0.1");
        handler = new NotifyHandler(List.of(
                SecondaryZone.of("example.test", List.of("127.0.0.1")).withNotifySources(loopback),
                SecondaryZone.of("dyn.test", List.of("127.0.0.1")).withNotifySources(loopback),
                SecondaryZone.of("secure.test", List.of("127.0.0.1")).withNotifySources(loopback).withTsigKey(key),
                SecondaryZone.of("reload.test", List.of("127.0.0.1"))
                        .withNotifySources(AddressAllowList.parse("10.0.0.0/8", "192.0.2.0/24"))),
                Duration.ofSeconds(30), Clock.systemUTC());
        listener = new Thread(NotifyFromBindTest::listen, "notify-listener");
        listener.setDaemon(true);
        listener.start();
        startedAt = System.currentTimeMillis();
        bind = BindPrimary.start(socket.getLocalPort(), Map.of(), key);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bind != null) {
            bind.close();
        }
        socket.close();
        listener.join(5000);
    }

    private static void listen() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] bytes = Arrays.copyOf(packet.getData(), packet.getLength());
                Message message = new Message(bytes);
                Name zone = message.getQuestion().getName();
                NotifyOutcome outcome = null;
                if (!NEVER_ANSWERED.contains(zone.toString())) {
                    outcome = handler.handle(bytes, packet.getAddress());
                    if (outcome.response() != null) {
                        socket.send(new DatagramPacket(outcome.response(), outcome.response().length,
                                packet.getSocketAddress()));
                    }
                }
                received.add(new Received(System.currentTimeMillis(), zone, message.getHeader().getID(), outcome));
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<Received> of(String zone) {
        return received.stream().filter(r -> r.zone().toString().equals(zone)).toList();
    }

    @Test
    @Order(1)
    void answeredNotifiesAreNotResentAndUnansweredOnesAre() throws Exception {
        Thread.sleep(Math.max(0, startedAt + 6500 - System.currentTimeMillis()));

        List<Received> plain = of("example.test.");
        assertEquals(1, plain.size(), "exactly one NOTIFY for example.test in 6.5 s: " + received);
        assertTrue(plain.get(0).outcome().accepted(), plain.get(0).outcome().toString());
        assertEquals(2024010101L, plain.get(0).outcome().serialHint());

        List<Received> signed = of("secure.test.");
        assertEquals(1, signed.size(), "exactly one NOTIFY for secure.test in 6.5 s: " + received);
        assertTrue(signed.get(0).outcome().accepted(), "BIND's TSIG-signed NOTIFY verifies: " + signed.get(0));
        assertEquals(7L, signed.get(0).outcome().serialHint());

        List<Received> stranger = of("reload.test.");
        assertEquals(1, stranger.size(), "a REFUSED answer also stops resending: " + received);
        assertEquals(NotifyReason.REFUSED, stranger.get(0).outcome().reason());
        assertEquals(org.xbill.DNS.Rcode.REFUSED, new Message(stranger.get(0).outcome().response()).getRcode());

        List<Received> unanswered = of("dyn.test.");
        assertTrue(unanswered.size() >= 2, "the unanswered NOTIFY is resent (so the test can see resends): "
                + received);
        assertEquals(1, unanswered.stream().map(Received::id).distinct().count(), "resends repeat the id");

        String from = "notify response from 127.0.0.1#" + socket.getLocalPort() + ": ";
        String log = bind.log();
        assertTrue(log.contains("zone example.test/IN: " + from + "NOERROR"), "named took the answer:\n" + log);
        assertTrue(log.contains("zone secure.test/IN: " + from + "NOERROR"),
                "named verified the signed answer:\n" + log);
        assertTrue(log.contains("zone reload.test/IN: " + from + "REFUSED"), log);
        assertEquals(2, handler.stats().get(NotifyReason.ACCEPTED));
        assertEquals(1, handler.stats().get(NotifyReason.REFUSED));
    }

    @Test
    @Order(2)
    void aChangeOnThePrimaryNotifiesTheNewSerialOnce() throws Exception {
        long before = bind.serial("example.test");
        String edited = BindPrimary.resourceText("example.test.db").replace("2024010101", "2024010105")
                + "notified IN A 192.0.2.77\n";
        long sentAt = System.currentTimeMillis();
        bind.rewriteZone("example.test", edited);

        Received notify = null;
        long deadline = sentAt + 5000;
        while (notify == null && System.currentTimeMillis() < deadline) {
            notify = of("example.test.").stream()
                    .filter(r -> r.atMillis() >= sentAt && Long.valueOf(2024010105L).equals(r.outcome().serialHint()))
                    .findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertNotNull(notify, "NOTIFY with serial 2024010105 after reload (was " + before + "): " + received);
        assertTrue(notify.outcome().accepted(), notify.outcome().toString());
        Thread.sleep(6000);
        assertEquals(1, of("example.test.").stream().filter(r -> r.atMillis() >= sentAt).count(),
                "answered, so not resent within 6 s: " + received);
    }
}
