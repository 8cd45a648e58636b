package io.zonebridge.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a request, read from its SigV4 {@code Authorization} header (signatures are not checked): the access
 * key id, the account it stands for ({@link AccountIds}) and the region of the credential scope.
 *
 * @param accessKeyId access key id, or null for an unsigned request
 * @param account     12-digit account id
 * @param region      region of the credential scope ({@code us-east-1} when unsigned or global)
 */
public record Caller(String accessKeyId, String account, String region) {
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/");

    /** The caller of a request with this {@code Authorization} header (null allowed). */
    public static Caller fromAuthorization(String authorization) {
        Matcher m = authorization == null ? null : SCOPE.matcher(authorization);
        if (m == null || !m.find()) {
            return new Caller(null, AccountIds.fromAuthorization(authorization), "us-east-1");
        }
        String region = m.group(2).equals("aws-global") ? "us-east-1" : m.group(2);
        return new Caller(m.group(1), AccountIds.fromAccessKey(m.group(1)), region);
    }
}
