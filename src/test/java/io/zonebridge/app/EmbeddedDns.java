package io.zonebridge.app;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** Asks the embedded Route 53's DNS port on 127.0.0.1 what it answers, as a user's {@code dig} would. */
final class EmbeddedDns {

    private EmbeddedDns() {
    }

    /**
     * The sorted answers for {@code name} and {@code type}; an rcode name when the answer is not an authoritative
     * NOERROR, or the error when none came.
     */
    static List<String> answer(int port, String name, int type) {
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            resolver.setTimeout(Duration.ofSeconds(2));
            Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
            if (response.getRcode() != Rcode.NOERROR || !response.getHeader().getFlag(Flags.AA)) {
                return List.of(Rcode.string(response.getRcode()));
            }
            return response.getSection(Section.ANSWER).stream().map(r -> r.rdataToString()).sorted().toList();
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }
}
