package io.zonebridge.route53;

import java.util.Locale;

/**
 * Converts record and zone names to and from Route 53's canonical form.
 * PLACEHOLDER: to be replaced by the full codec (octal escapes etc.).
 */
public final class RecordNameCodec {

    private RecordNameCodec() {
    }

    /** Any accepted input form (raw characters or octal escapes, with or without trailing dot) → canonical. */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }
}
