package io.zonebridge.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of the YAML configuration that knows its key path, so every validation error names the
 * file and the key (for example {@code config/zonebridge.yaml: secondary.zones[1].primaries: ...}).
 */
public final class ConfigNode {

    private final String source;
    private final String path;
    private final JsonNode node;
    private final EnvironmentOverrides overrides;

    ConfigNode(String source, String path, JsonNode node) {
        this(source, path, node, EnvironmentOverrides.none());
    }

    /** A node whose descendants may be overridden by environment variables ({@link EnvironmentOverrides}). */
    ConfigNode(String source, String path, JsonNode node, EnvironmentOverrides overrides) {
        this.source = source;
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
        this.overrides = overrides;
    }

    /** The node at {@code childPath}: the environment's value when one is set, else {@code fromFile}. */
    private ConfigNode child(String childPath, JsonNode fromFile) {
        Optional<JsonNode> overridden = overrides.valueFor(childPath);
        if (overridden.isPresent()) {
            return new ConfigNode("environment variable " + EnvironmentOverrides.variableFor(childPath), childPath,
                    overridden.get(), overrides);
        }
        if ((fromFile == null || fromFile.isMissingNode() || fromFile.isNull()) && overrides.hasAnyBelow(childPath)) {
            fromFile = JsonNodeFactory.instance.objectNode();
        }
        return new ConfigNode(source, childPath, fromFile, overrides);
    }

    public String path() {
        return path;
    }

    public boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** The child under {@code key} (possibly absent). */
    public ConfigNode get(String key) {
        return child(path.isEmpty() ? key : path + "." + key, node.get(key));
    }

    /** Fails when this mapping has keys other than the allowed ones (catches typos). */
    public ConfigNode allowOnly(String... keys) {
        if (!isPresent()) {
            return this;
        }
        if (!node.isObject()) {
            throw error("must be a mapping");
        }
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(source + ": " + (path.isEmpty() ? key : path + "." + key)
                        + ": unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    /** {@code more} followed by {@code keys}, for {@link #allowOnly} of a section that takes a shared set of keys. */
    public static String[] keys(String[] more, String... keys) {
        String[] all = java.util.Arrays.copyOf(keys, keys.length + more.length);
        System.arraycopy(more, 0, all, keys.length, more.length);
        return all;
    }

    /** Whether the value is a list. */
    public boolean isList() {
        return isPresent() && node.isArray();
    }

    /** The elements of a list (empty when absent). */
    public List<ConfigNode> list() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("must be a list");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(child(path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    /** The entries of a mapping, in file order (empty when absent). */
    public List<Map.Entry<String, ConfigNode>> entries() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw error("must be a mapping");
        }
        List<Map.Entry<String, ConfigNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(e -> entries.add(Map.entry(e.getKey(), get(e.getKey()))));
        return entries;
    }

    public String text() {
        if (!isPresent()) {
            throw error("is required");
        }
        if (!node.isValueNode()) {
            throw error("must be a single value");
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            throw error("must not be empty");
        }
        return text;
    }

    public Optional<String> optionalText() {
        return isPresent() ? Optional.of(text()) : Optional.empty();
    }

    public String text(String defaultValue) {
        return optionalText().orElse(defaultValue);
    }

    public boolean bool(boolean defaultValue) {
        if (!isPresent()) {
            return defaultValue;
        }
        String text = text().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("must be true or false, not '" + text + "'");
        };
    }

    public long longValue(long defaultValue, long min, long max) {
        if (!isPresent()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text());
        } catch (NumberFormatException e) {
            throw error("must be a whole number, not '" + node.asText() + "'");
        }
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    public double doubleValue(double defaultValue, double min, double max) {
        if (!isPresent()) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(text());
        } catch (NumberFormatException e) {
            throw error("must be a number, not '" + node.asText() + "'");
        }
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A duration written as {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 250ms} or ISO-8601 {@code PT5M}. */
    public Optional<Duration> duration() {
        if (!isPresent()) {
            return Optional.empty();
        }
        String text = text().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT)));
            }
            if (text.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2))));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return Optional.of(switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException(text);
            });
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw error("must be a duration such as 30s, 5m, 2h, 1d or PT5M, not '" + text + "'");
        }
    }

    /** A URL with a scheme and host, such as {@code http://127.0.0.1:4566} (the example names it in errors). */
    public Optional<URI> url(String example) {
        return optionalText().map(text -> {
            try {
                URI uri = URI.create(text);
                if (uri.getScheme() != null && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw error("must be a URL such as " + example + ", not '" + text + "'");
        });
    }

    /** An SQS queue name: letters, digits, {@code -} and {@code _}, at most 80, optionally ending in {@code .fifo}. */
    public String sqsQueueName(String defaultName) {
        String name = text(defaultName);
        if (!name.matches("[A-Za-z0-9_-]{1,80}(\\.fifo)?")) {
            throw error("must be an SQS queue name (letters, digits, - and _, at most 80), not '" + name + "'");
        }
        return name;
    }

    /** A DynamoDB table name (or {@code defaultName} when absent). */
    public String dynamoDbTableName(String defaultName) {
        String name = text(defaultName);
        if (!name.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw error("must be a DynamoDB table name (3 to 255 of letters, digits, _ - .), not '" + name + "'");
        }
        return name;
    }

    /** An error about this key. */
    public ConfigException error(String problem) {
        return new ConfigException(source + ": " + (path.isEmpty() ? "(top level)" : path) + ": " + problem);
    }
}
