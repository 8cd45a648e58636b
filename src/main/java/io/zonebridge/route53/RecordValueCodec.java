package io.zonebridge.route53;

/**
 * Converts record values to and from Route 53's canonical form, per record type.
 * PLACEHOLDER: to be replaced by the full codec (TXT quoting, targets fully qualified, ...).
 */
public final class RecordValueCodec {

    private RecordValueCodec() {
    }

    /** A value as Route 53 accepts or returns it → the canonical form Route 53 returns. */
    public static String canonical(String type, String value) {
        return value.trim();
    }
}
