package io.zonebridge.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM role ARN {@code arn:aws:iam::ACCOUNT:role[/PATH]/NAME}.
 *
 * @param arn     the ARN as given
 * @param account the role's 12-digit account
 * @param name    the role name (last path segment)
 */
public record RoleArn(String arn, String account, String name) {
    private static final Pattern ROLE = Pattern.compile(
            "arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]{1,64})");
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Parses {@code arn}, or answers STS's {@code ValidationError}. */
    public static RoleArn parse(String arn) {
        Matcher m = arn == null ? null : ROLE.matcher(arn);
        if (m == null || !m.matches()) {
            throw new ServiceException(400, "ValidationError", arn == null
                    ? "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: "
                    + "Member must not be null"
                    : "Invalid role ARN '" + arn + "': expected arn:aws:iam::ACCOUNT:role/NAME");
        }
        return new RoleArn(arn, m.group(1), m.group(2));
    }

    /** The role's stable unique id, {@code AROA} + 17 characters, as IAM shows it in principal ids. */
    public String uniqueId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("AROA");
            for (int i = 0; i < 17; i++) {
                id.append(ID_ALPHABET.charAt((hash[i] & 0xff) % ID_ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
