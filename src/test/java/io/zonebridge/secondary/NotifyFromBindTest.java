package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.testpeers.BindPrimaryExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * Real NOTIFYs from a real BIND primary, received on the also-notify UDP port, judged by {@link NotifyHandler}
 * and answered with its response; BIND must stop resending what was answered (and does resend what was not).
 * Each test has a BIND, a listener and a handler of its own: BIND's start-up NOTIFYs are part of what it sees.
 */
class NotifyFromBindTest {

    /** Never answered, so BIND keeps resending it: its resends measure BIND's resend interval. */
    private static final String UNANSWERED = "dyn.test.";

    private final TsigKeySpec key = BindPrimary.newXfrKey();
    private final NotifyHandler handler = handler(key);
    private final Listener listener = new Listener(handler);

    @RegisterExtension
    final BindPrimaryExtension bindPeer = BindPrimaryExtension.builtInZones().withKey(key)
            .notifyingTo(listener::port);

    /** One NOTIFY as it arrived, its SOA serial, and what the handler made of it (null when left unanswered). */
    record Received(long atMillis, Name zone, int id, long serial, NotifyOutcome outcome) {
    }

    private static NotifyHandler handler(TsigKeySpec key) {
        AddressAllowList loopback = AddressAllowList.parse("127.0.0.1");
        return new NotifyHandler(List.of(
                SecondaryZone.of("example.test", List.of("127.0.0.1")).withNotifySources(loopback),
                SecondaryZone.of("dyn.test", List.of("127.0.0.1")).withNotifySources(loopback),
                SecondaryZone.of("secure.test", List.of("127.0.0.1")).withNotifySources(loopback).withTsigKey(key),
                SecondaryZone.of("reload.test", List.of("127.0.0.1"))
                        .withNotifySources(AddressAllowList.parse("10.0.0.0/8", "192.0.2.0/24"))),
                Duration.ofSeconds(30), Clock.systemUTC());
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        listener.close();
    }

    @Test
    void answeredNotifiesAreNotResentAndUnansweredOnesAre() throws Exception {
        List<Received> plain = awaitFirst("example.test.", 2024010101L);
        List<Received> signed = awaitFirst("secure.test.", 7L);
        List<Received> stranger = awaitFirst("reload.test.", 2024010101L);
        awaitResendWindowAfter(List.of(plain.get(0), signed.get(0), stranger.get(0)));

        plain = listener.of("example.test.");
        assertEquals(1, plain.size(), "exactly one NOTIFY for example.test: " + listener.received);
        assertTrue(plain.get(0).outcome().accepted(), plain.get(0).outcome().toString());
        assertEquals(2024010101L, plain.get(0).outcome().serialHint());

        signed = listener.of("secure.test.");
        assertEquals(1, signed.size(), "exactly one NOTIFY for secure.test: " + listener.received);
        assertTrue(signed.get(0).outcome().accepted(), "BIND's TSIG-signed NOTIFY verifies: " + signed.get(0));
        assertEquals(7L, signed.get(0).outcome().serialHint());

        stranger = listener.of("reload.test.");
        assertEquals(1, stranger.size(), "a REFUSED answer also stops resending: " + listener.received);
        assertEquals(NotifyReason.REFUSED, stranger.get(0).outcome().reason());
        assertEquals(Rcode.REFUSED, new Message(stranger.get(0).outcome().response()).getRcode());

        List<Received> unanswered = listener.of(UNANSWERED);
        assertTrue(unanswered.size() >= 2, "the unanswered NOTIFY is resent: " + listener.received);
        assertEquals(1, unanswered.stream().map(Received::id).distinct().count(), "resends repeat the id");

        String from = "notify response from 127.0.0.1#" + listener.port() + ": ";
        String log = bindPeer.get().log();
        assertTrue(log.contains("zone example.test/IN: " + from + "NOERROR"), "named took the answer:\n" + log);
        assertTrue(log.contains("zone secure.test/IN: " + from + "NOERROR"),
                "named verified the signed answer:\n" + log);
        assertTrue(log.contains("zone reload.test/IN: " + from + "REFUSED"), log);
        assertEquals(2, handler.stats().get(NotifyReason.ACCEPTED));
        assertEquals(1, handler.stats().get(NotifyReason.REFUSED));
    }

    @Test
    void aChangeOnThePrimaryNotifiesTheNewSerialOnce() throws Exception {
        BindPrimary bind = bindPeer.get();
        long before = bind.serial("example.test");
        String edited = BindPrimary.resourceText("example.test.db").replace("2024010101", "2024010105")
                + "notified IN A 192.0.2.77\n";
        bind.rewriteZone("example.test", edited);

        Received notify = awaitFirst("example.test.", 2024010105L).get(0);
        assertTrue(notify.outcome().accepted(), "after a reload from serial " + before + ": " + notify.outcome());
        awaitResendWindowAfter(List.of(notify));
        assertEquals(1, listener.of("example.test.").stream().filter(r -> r.serial() == 2024010105L).count(),
                "answered, so not resent: " + listener.received);
    }

    /** Waits for the first NOTIFY of {@code zone} with {@code serial}; the NOTIFYs of the zone so far. */
    private List<Received> awaitFirst(String zone, long serial) throws InterruptedException {
        Eventually.assertWithin(Duration.ofSeconds(10),
                () -> listener.of(zone).stream().anyMatch(r -> r.serial() == serial),
                () -> "a NOTIFY for " + zone + " with serial " + serial + ": " + listener.received);
        return listener.of(zone);
    }

    /**
     * Waits until BIND would have resent any of {@code answered} had it kept them: BIND resends an unanswered NOTIFY
     * once an interval (5 s in BIND 9.18), measured here between the first two arrivals of the never-answered
     * {@link #UNANSWERED} NOTIFY; a resend of an answered one would come one interval after its first arrival. The
     * window closes half an interval after that, so a resend sent with the unanswered one's is not missed. This bound
     * is the specification under test ("not resent"), taken from BIND's own resend timing, not a guessed pause.
     */
    private void awaitResendWindowAfter(List<Received> answered) throws InterruptedException {
        long lastFirst = answered.stream().mapToLong(Received::atMillis).max().orElseThrow();
        Eventually.assertWithin(Duration.ofSeconds(30), () -> {
            List<Received> resent = listener.of(UNANSWERED);
            if (resent.size() < 2) {
                return false;
            }
            long interval = resent.get(1).atMillis() - resent.get(0).atMillis();
            return System.currentTimeMillis() >= lastFirst + interval + interval / 2;
        }, () -> "BIND resent the unanswered NOTIFY of " + UNANSWERED + ": " + listener.received);
    }

    /** The also-notify socket: answers what {@link NotifyHandler} answers, except {@link #UNANSWERED}. */
    private static final class Listener {
        private final DatagramSocket socket;
        private final NotifyHandler handler;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Listener(NotifyHandler handler) {
            try {
                this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.handler = handler;
            this.thread = new Thread(this::listen, "notify-listener");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<Received> of(String zone) {
            return received.stream().filter(r -> r.zone().toString().equals(zone)).toList();
        }

        void close() throws InterruptedException {
            socket.close();
            thread.join(5000);
        }

        private void listen() {
            byte[] buffer = new byte[65535];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    byte[] bytes = Arrays.copyOf(packet.getData(), packet.getLength());
                    Message message = new Message(bytes);
                    Name zone = message.getQuestion().getName();
                    NotifyOutcome outcome = null;
                    if (!UNANSWERED.equals(zone.toString())) {
                        outcome = handler.handle(bytes, packet.getAddress());
                        if (outcome.response() != null) {
                            socket.send(new DatagramPacket(outcome.response(), outcome.response().length,
                                    packet.getSocketAddress()));
                        }
                    }
                    received.add(new Received(System.currentTimeMillis(), zone, message.getHeader().getID(),
                            serial(message), outcome));
                } catch (SocketException e) {
                    return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private static long serial(Message notify) {
            return notify.getSection(Section.ANSWER).stream().filter(SOARecord.class::isInstance)
                    .mapToLong(r -> ((SOARecord) r).getSerial()).findFirst().orElse(-1L);
        }
    }
}
