package io.zonebridge.route53;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Canonical SVCB and HTTPS values ({@code priority target key=value ...}). The service parameters
 * are parsed and printed by dnsjava (so they come out in key order with dnsjava's value syntax);
 * IPv6 hints are then rewritten in RFC 5952 form like AAAA values.
 */
final class ServiceBindingValue {

    private static final String IPV6HINT = "ipv6hint=";

    private ServiceBindingValue() {
    }

    /**
     * The canonical value for an already canonical priority and target, and parameters in
     * presentation form (empty for none).
     */
    static String canonical(String type, long priority, String canonicalTarget, String params) {
        Record parsed;
        try {
            parsed = Record.fromString(Name.root, Type.value(type), DClass.IN, 0, priority + " . " + params, Name.root);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("bad service parameters '" + params + "': " + e.getMessage(), e);
        }
        return priority + " " + canonicalTarget + paramsOf(parsed);
    }

    /** The parameters of a parsed record, each preceded by a space, IPv6 hints in RFC 5952 form. */
    static String paramsOf(Record record) {
        String[] fields = record.rdataToString().trim().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 2; i < fields.length; i++) {
            out.append(' ').append(fields[i].startsWith(IPV6HINT) ? ipv6Hint(fields[i]) : fields[i]);
        }
        return out.toString();
    }

    private static String ipv6Hint(String field) {
        List<String> addresses = new ArrayList<>();
        for (String address : field.substring(IPV6HINT.length()).split(",")) {
            byte[] bytes = Address.toByteArray(address, Address.IPv6);
            addresses.add(bytes == null ? address : Ipv6Text.format(bytes));
        }
        return IPV6HINT + String.join(",", addresses);
    }
}
