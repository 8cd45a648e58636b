package io.zonebridge.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Environment variables that override keys of {@code zonebridge.yaml}, for containers (ECS task definitions):
 * {@value #PREFIX} followed by the key path in upper case, camelCase words, dots, dashes and list indexes
 * becoming underscores: {@code secondary.notify.listen} is {@code ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN},
 * {@code route53.rateLimitPerSecond} is {@code ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND},
 * {@code secondary.zones[0].primaries} is {@code ZONEBRIDGE_CONFIG_SECONDARY_ZONES_0_PRIMARIES}. A value starting
 * with {@code [} or <code>{</code> (or spanning lines) is YAML, so lists and whole sections can be given too
 * ({@code ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_ALLOW_FROM=[10.0.0.0/8]}); any other value is the text itself.
 * A variable with the prefix that names no key zonebridge reads stops start-up ({@link #requireAllUsed()}).
 */
public final class EnvironmentOverrides {

    /** The prefix of every override variable. */
    public static final String PREFIX = "ZONEBRIDGE_CONFIG_";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    // compiled once: every key the configuration reads is looked up here
    private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern EDGE_UNDERSCORE = Pattern.compile("^_|_$");

    private final Map<String, String> variables = new TreeMap<>();
    private final Set<String> used = new HashSet<>();

    /** The override variables among {@code environment} (other variables are ignored). */
    public EnvironmentOverrides(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                variables.put(name, value);
            }
        });
    }

    /** No overrides. */
    static EnvironmentOverrides none() {
        return new EnvironmentOverrides(Map.of());
    }

    /** The variable that overrides the key at {@code path}, e.g. {@code ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN}. */
    public static String variableFor(String path) {
        String words = SEPARATORS.matcher(WORD_START.matcher(path).replaceAll("$1_$2")).replaceAll("_");
        return PREFIX + EDGE_UNDERSCORE.matcher(words).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** The value set for the key at {@code path}, if any; the variable then counts as used. */
    Optional<JsonNode> valueFor(String path) {
        String variable = variableFor(path);
        String value = variables.get(variable);
        if (value == null) {
            return Optional.empty();
        }
        used.add(variable);
        String trimmed = value.trim();
        if (!trimmed.startsWith("[") && !trimmed.startsWith("{") && !trimmed.contains("\n")) {
            return Optional.of(TextNode.valueOf(trimmed));
        }
        try {
            return Optional.of(YAML.readTree(trimmed));
        } catch (JsonProcessingException e) {
            throw new ConfigException("environment variable " + variable + " (" + path + "): not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Whether a variable is set for a key below {@code path} (so an absent section is there when one is). */
    boolean hasAnyBelow(String path) {
        String below = variableFor(path) + "_";
        return variables.keySet().stream().anyMatch(name -> name.startsWith(below));
    }

    /** Fails naming every override variable that matched no key (a typo, or a key of an absent section). */
    public void requireAllUsed() {
        Set<String> unused = new TreeSet<>(variables.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new ConfigException("environment variable" + (unused.size() > 1 ? "s " : " ")
                    + String.join(", ", unused) + ": no such configuration key (the name is " + PREFIX
                    + " and the key path in upper case with underscores, e.g. "
                    + variableFor("secondary.notify.listen") + ")");
        }
    }
}
