package io.zonebridge.secondary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * One zone that zonebridge serves as a secondary: its name, the primaries to query and transfer from (in order
 * of preference), the sources allowed to send it NOTIFY, an optional TSIG key (used for SOA queries and transfers,
 * and required on NOTIFY when present), and the timeouts.
 *
 * @param zone absolute zone name
 * @param primaries primaries in order of preference, at least one
 * @param notifySources addresses allowed to send NOTIFY for this zone
 * @param tsigKey TSIG key, or {@code null} for none
 * @param queryTimeout timeout of one SOA query
 * @param transferTimeout timeout of one whole zone transfer
 */
public record SecondaryZone(Name zone, List<PrimaryServer> primaries, AddressAllowList notifySources,
        TsigKeySpec tsigKey, Duration queryTimeout, Duration transferTimeout) {

    /** Default SOA query timeout. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);
    /** Default zone transfer timeout. */
    public static final Duration DEFAULT_TRANSFER_TIMEOUT = Duration.ofMinutes(2);

    /** Validates every part. */
    public SecondaryZone {
        Objects.requireNonNull(zone, "zone name");
        if (!zone.isAbsolute()) {
            throw new IllegalArgumentException("zone name " + zone + " is not absolute");
        }
        primaries = List.copyOf(Objects.requireNonNull(primaries, "primaries of zone " + zone));
        if (primaries.isEmpty()) {
            throw new IllegalArgumentException("zone " + zone + " has no primaries");
        }
        Objects.requireNonNull(notifySources, "notify sources of zone " + zone);
        requirePositive(queryTimeout, "query timeout", zone);
        requirePositive(transferTimeout, "transfer timeout", zone);
    }

    /**
     * A zone with default timeouts, no TSIG key, and NOTIFY allowed from those primaries given as IP literals
     * (primaries given by host name must be added with {@link #withNotifySources}).
     *
     * @param zone zone name, e.g. {@code example.com} (made absolute)
     * @param primaries e.g. {@code "192.0.2.1"}, {@code "192.0.2.2:5300"}, {@code "[2001:db8::1]:53"}
     */
    public static SecondaryZone of(String zone, List<String> primaries) {
        Name name;
        try {
            name = Name.fromString(Objects.requireNonNull(zone, "zone name"), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("zone name '" + zone + "' is not a valid DNS name", e);
        }
        List<PrimaryServer> servers = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (String primary : Objects.requireNonNull(primaries, "primaries of zone " + zone)) {
            PrimaryServer server = PrimaryServer.parse(primary);
            servers.add(server);
            if (Address.toByteArray(server.host(), Address.IPv4) != null
                    || Address.toByteArray(server.host(), Address.IPv6) != null) {
                literals.add(server.host());
            }
        }
        return new SecondaryZone(name, servers, AddressAllowList.parse(literals), null,
                DEFAULT_QUERY_TIMEOUT, DEFAULT_TRANSFER_TIMEOUT);
    }

    /** This zone with the given TSIG key ({@code null} for none). */
    public SecondaryZone withTsigKey(TsigKeySpec key) {
        return new SecondaryZone(zone, primaries, notifySources, key, queryTimeout, transferTimeout);
    }

    /** This zone with NOTIFY allowed from exactly {@code sources}. */
    public SecondaryZone withNotifySources(AddressAllowList sources) {
        return new SecondaryZone(zone, primaries, sources, tsigKey, queryTimeout, transferTimeout);
    }

    /** This zone with other timeouts. */
    public SecondaryZone withTimeouts(Duration query, Duration transfer) {
        return new SecondaryZone(zone, primaries, notifySources, tsigKey, query, transfer);
    }

    /** The TSIG key, if one is configured. */
    public Optional<TsigKeySpec> tsig() {
        return Optional.ofNullable(tsigKey);
    }

    private static void requirePositive(Duration d, String what, Name zone) {
        Objects.requireNonNull(d, what + " of zone " + zone);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " of zone " + zone + " must be positive, got " + d);
        }
    }
}
