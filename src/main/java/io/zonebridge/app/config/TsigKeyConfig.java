package io.zonebridge.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A TSIG key. The secret comes from an environment variable or a file, never from the
 * configuration itself, and is never printed: {@link #toString()} masks it.
 *
 * @param name      key name as the primary knows it
 * @param algorithm HMAC algorithm, e.g. {@code hmac-sha256}
 * @param secret    base64 secret
 */
public record TsigKeyConfig(String name, String algorithm, String secret) {

    private static final Set<String> ALGORITHMS =
            Set.of("hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512");

    static TsigKeyConfig from(String name, ConfigNode node, Map<String, String> environment) {
        node.allowOnly("algorithm", "secretEnv", "secretFile");
        String algorithm = node.get("algorithm").text("hmac-sha256").toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(algorithm)) {
            throw node.get("algorithm").error("unsupported TSIG algorithm '" + algorithm + "' (use one of "
                    + String.join(", ", ALGORITHMS.stream().sorted().toList()) + ")");
        }
        ConfigNode env = node.get("secretEnv");
        ConfigNode file = node.get("secretFile");
        if (env.isPresent() == file.isPresent()) {
            throw node.error("give exactly one of secretEnv or secretFile (secrets are never written in the configuration)");
        }
        String secret;
        if (env.isPresent()) {
            String variable = env.text();
            secret = environment.get(variable);
            if (secret == null || secret.isBlank()) {
                throw env.error("environment variable " + variable + " is not set");
            }
        } else {
            Path path = Path.of(file.text());
            try {
                secret = Files.readString(path);
            } catch (IOException e) {
                throw file.error("cannot read secret file " + path + ": " + e.getMessage());
            }
        }
        secret = secret.trim();
        try {
            Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            throw node.error("the secret is not valid base64");
        }
        return new TsigKeyConfig(name, algorithm, secret);
    }

    @Override
    public String toString() {
        return "TsigKeyConfig[name=" + name + ", algorithm=" + algorithm + ", secret=****]";
    }
}
