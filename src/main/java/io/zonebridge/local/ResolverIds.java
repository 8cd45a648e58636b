package io.zonebridge.local;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Resolver-shaped identifiers and ARNs: rules, rule associations, endpoints and their interfaces. */
final class ResolverIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResolverIds() {
    }

    /** {@code prefix} and 17 lower-case hex digits, e.g. {@code rslvr-rr-0a1b...}. */
    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return id.toString();
    }

    /** {@code arn:aws:route53resolver:REGION:ACCOUNT:KIND/ID}. */
    static String arn(Caller caller, String kind, String id) {
        return "arn:aws:route53resolver:" + caller.region() + ":" + caller.account() + ":" + kind + "/" + id;
    }

    /** Resolver's time format: ISO-8601 with microseconds, UTC. */
    static String time(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MICROS).toString();
    }
}
