package io.zonebridge.secondary;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * A TSIG key as configured: key name, algorithm (e.g. {@code hmac-sha256}) and base64 secret, exactly as
 * BIND's {@code tsig-keygen} prints them. {@link #toString()} never shows the secret.
 *
 * @param name key name, e.g. {@code xfr-key}
 * @param algorithm algorithm name, with or without the trailing dot, e.g. {@code hmac-sha256}
 * @param secretBase64 the shared secret, base64
 */
public record TsigKeySpec(String name, String algorithm, String secretBase64) {

    private static final Set<Name> SUPPORTED = Set.of(TSIG.HMAC_MD5, TSIG.HMAC_SHA1, TSIG.HMAC_SHA224,
            TSIG.HMAC_SHA256, TSIG.HMAC_SHA384, TSIG.HMAC_SHA512);

    /** Validates the three parts (without echoing the secret in any message). */
    public TsigKeySpec {
        Objects.requireNonNull(name, "TSIG key name");
        Objects.requireNonNull(algorithm, "TSIG algorithm of key " + name);
        Objects.requireNonNull(secretBase64, "TSIG secret of key " + name);
        keyName(name);
        algorithmName(algorithm, name);
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(secretBase64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TSIG secret of key '" + name + "' is not valid base64");
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("TSIG secret of key '" + name + "' is empty");
        }
    }

    /** The dnsjava key, ready to sign and verify messages. */
    public TSIG toTsig() {
        return new TSIG(algorithmName(), keyName(name), secret());
    }

    /** The algorithm as a DNS name, as TSIG records carry it. */
    Name algorithmName() {
        return algorithmName(algorithm, name);
    }

    /** The algorithm's JCA name, e.g. {@code HmacSHA256}. */
    String macAlgorithm() {
        Name algorithmName = algorithmName();
        return algorithmName.equals(TSIG.HMAC_MD5) ? "HmacMD5"
                : "Hmac" + algorithmName.getLabelString(0).substring("hmac-".length()).toUpperCase(Locale.ROOT);
    }

    /** The shared secret. */
    byte[] secret() {
        return Base64.getDecoder().decode(secretBase64.trim());
    }

    /** The key name as a DNS name. */
    public Name keyName() {
        return keyName(name);
    }

    private static Name keyName(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("TSIG key name '" + name + "' is not a valid DNS name", e);
        }
    }

    private static Name algorithmName(String algorithm, String keyName) {
        String text = algorithm.trim().toLowerCase(Locale.ROOT);
        if (text.equals("hmac-md5") || text.equals("hmac-md5.")) {
            return TSIG.HMAC_MD5;
        }
        Name candidate;
        try {
            candidate = Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            candidate = null;
        }
        if (candidate == null || !SUPPORTED.contains(candidate)) {
            throw new IllegalArgumentException("TSIG algorithm '" + algorithm + "' of key '" + keyName
                    + "' is not one of hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512");
        }
        return candidate;
    }

    @Override
    public String toString() {
        return "TsigKeySpec[name=" + name + ", algorithm=" + algorithm + ", secret=<redacted>]";
    }
}
