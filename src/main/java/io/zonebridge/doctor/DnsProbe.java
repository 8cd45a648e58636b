package io.zonebridge.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** Asks a resolver the query with dnsjava (UDP, TCP when truncated, recursion desired) and records what it says. */
public final class DnsProbe {

    private final InetSocketAddress server;
    private final Duration timeout;

    /** A probe of {@code server} that waits at most {@code timeout}. */
    public DnsProbe(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** Sends the query once and returns the answer, or why there was none. */
    public ObservedAnswer ask(LookupQuery query) {
        String name = server.getHostString() + ":" + server.getPort();
        long start = System.nanoTime();
        try {
            SimpleResolver resolver = new SimpleResolver(server);
            resolver.setTimeout(timeout);
            Message response = resolver.send(Message.newQuery(Record.newRecord(query.name(), query.type(),
                    DClass.IN)));
            List<Record> answer = response.getSection(Section.ANSWER);
            List<String> values = answer.stream().filter(r -> r.getType() == query.type())
                    .map(r -> r.rdataToString().toLowerCase(Locale.ROOT)).sorted().distinct().toList();
            return new ObservedAnswer(name, Rcode.string(response.getRcode()), values,
                    answer.stream().map(Record::toString).toList(), elapsed(start), null);
        } catch (IOException e) {
            String why = isTimeout(e) ? "timeout: no answer within " + timeout.toMillis() + " ms"
                    : "unreachable: " + e.getMessage();
            return new ObservedAnswer(name, null, List.of(), List.of(), elapsed(start), why);
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timed out"))) {
                return true;
            }
        }
        return false;
    }

    private static long elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
