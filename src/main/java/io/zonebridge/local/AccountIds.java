package io.zonebridge.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the AWS account of a request from the access key id in its SigV4 {@code Authorization} header: a key
 * that is 12 digits is that account; any other key maps to a stable 12-digit account. Signatures are not checked.
 */
public final class AccountIds {
    /** The account of unsigned requests. */
    public static final String DEFAULT_ACCOUNT = "000000000000";
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

    /** The account an access key id stands for. */
    public static String fromAccessKey(String accessKeyId) {
        if (accessKeyId.matches("\\d{12}")) {
            return accessKeyId;
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
