package io.zonebridge.local;

import java.security.SecureRandom;
import java.util.List;

/** Generates Route 53-shaped identifiers: zone ids, change ids, name servers, resolver config ids. */
public final class ResourceIds {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The fixed name servers of every private zone, in ListResourceRecordSets order. */
    static final List<String> PRIVATE_NAME_SERVERS = List.of("ns-1536.awsdns-00.co.uk.", "ns-0.awsdns-00.com.",
            "ns-1024.awsdns-00.org.", "ns-512.awsdns-00.net.");

    private ResourceIds() {
    }

    /** A new hosted zone id: {@code Z0} and 19 upper-case alphanumerics. */
    public static String hostedZoneId() {
        return "Z0" + random(19);
    }

    /** A new change id: {@code C0} and 19 upper-case alphanumerics. */
    public static String changeId() {
        return "C0" + random(19);
    }

    /** A new resolver config id: {@code rslvr-rc-} and 16 hex digits. */
    public static String resolverConfigId() {
        return "rslvr-rc-" + String.format("%016x", RANDOM.nextLong());
    }

    /** Four name servers of a public zone's delegation set (no trailing dot), one per TLD. */
    public static List<String> publicNameServers() {
        return List.of(nameServer("org"), nameServer("com"), nameServer("co.uk"), nameServer("net"));
    }

    private static String nameServer(String tld) {
        return "ns-" + RANDOM.nextInt(2048) + ".awsdns-" + String.format("%02d", RANDOM.nextInt(64)) + "." + tld;
    }

    private static String random(int length) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
