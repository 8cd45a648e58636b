package io.zonebridge.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * What to look up: an address becomes its PTR query ({@code dig -x} style, {@code in-addr.arpa} or {@code ip6.arpa}),
 * a reverse name its PTR query, any other name its A query (or the type given).
 *
 * @param input   the address or name as given
 * @param name    the query name (absolute)
 * @param type    the query type ({@link Type} constant)
 * @param address the address when one was given
 */
public record LookupQuery(String input, Name name, int type, Optional<InetAddress> address) {
    private static final Name IN_ADDR_ARPA = Name.fromConstantString("in-addr.arpa.");
    private static final Name IP6_ARPA = Name.fromConstantString("ip6.arpa.");

    /**
     * Parses {@code text} as an IPv4 or IPv6 address, else as a domain name.
     *
     * @param type a record type name for a name query (null: A); ignored for an address (always PTR)
     * @throws IllegalArgumentException saying what is wrong with the input
     */
    public static LookupQuery parse(String text, String type) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no address or name to look up");
        }
        InetAddress address = literalAddress(trimmed);
        if (address != null) {
            return new LookupQuery(trimmed, ReverseMap.fromAddress(address), Type.PTR, Optional.of(address));
        }
        Name name;
        try {
            name = Name.fromString(trimmed, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is neither an IP address nor a domain name: "
                    + e.getMessage(), e);
        }
        boolean reverseName = name.subdomain(IN_ADDR_ARPA) || name.subdomain(IP6_ARPA);
        int queryType = type == null ? (reverseName ? Type.PTR : Type.A) : Type.value(type.toUpperCase(Locale.ROOT));
        if (queryType < 0) {
            throw new IllegalArgumentException("unknown record type '" + type + "'");
        }
        return new LookupQuery(trimmed, name, queryType, Optional.empty());
    }

    /** The type's mnemonic, e.g. {@code PTR}. */
    public String typeName() {
        return Type.string(type);
    }

    /** Whether this is a reverse (address to name) lookup. */
    public boolean reverse() {
        return address.isPresent();
    }

    private static InetAddress literalAddress(String text) {
        try {
            return Address.getByAddress(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
