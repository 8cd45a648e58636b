package io.zonebridge.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the AWS account of a request from the access key id in its SigV4 {@code Authorization} header: a key
 * that is 12 digits is that account; a temporary key made by STS AssumeRole ({@link #temporaryAccessKey}:
 * {@code ASIA} + the 12 digits of the role's account + 4 letters or digits) is the role's account; any other key
 * maps to a stable 12-digit account. Signatures are not checked.
 */
public final class AccountIds {
    /** The account of unsigned requests. */
    public static final String DEFAULT_ACCOUNT = "000000000000";
    private static final Pattern TEMPORARY_KEY = Pattern.compile("ASIA(\\d{12})[A-Z0-9]{4}");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

    private AccountIds() {
    }

    /** The account of a request with this {@code Authorization} header (null allowed). */
    public static String fromAuthorization(String authorization) {
        if (authorization == null) {
            return DEFAULT_ACCOUNT;
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? fromAccessKey(m.group(1)) : DEFAULT_ACCOUNT;
    }

    /**
     * A temporary access key id (20 characters, like AWS's) that {@link #fromAccessKey} maps to {@code account};
     * {@code serial} (0 to 36^4-1) tells the keys of one account apart.
     */
    public static String temporaryAccessKey(String account, int serial) {
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("not a 12-digit account id: " + account);
        }
        String suffix = Integer.toString(Math.floorMod(serial, 36 * 36 * 36 * 36), 36).toUpperCase();
        return "ASIA" + account + "0".repeat(4 - suffix.length()) + suffix;
    }

    /** The account an access key id stands for. */
    public static String fromAccessKey(String accessKeyId) {
        if (accessKeyId.matches("\\d{12}")) {
            return accessKeyId;
        }
        Matcher temporary = TEMPORARY_KEY.matcher(accessKeyId);
        if (temporary.matches()) {
            return temporary.group(1);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessKeyId.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return String.format("%012d", Math.floorMod(value, 1_000_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
