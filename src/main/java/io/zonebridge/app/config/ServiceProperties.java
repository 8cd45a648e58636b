package io.zonebridge.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.camel.main.HttpManagementServerConfigurationPropertiesConfigurer;
import org.apache.camel.main.MainConfigurationPropertiesConfigurer;
import org.apache.camel.main.MetricsConfigurationPropertiesConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * Camel's own settings: the {@code camel.*} keys of {@code config/application.properties}, each overridable by the
 * environment variable Camel names for it ({@link ServicePropertyOverrides}: {@code camel.management.port} is
 * {@code CAMEL_MANAGEMENT_PORT}), validated before Camel starts: a {@code camel.main.*}, {@code camel.management.*}
 * or {@code camel.metrics.*} key must be one Camel knows and its value must have the option's type (a number, true or
 * false, one of an enumeration's names); {@code camel.management.port} must be a port. A {@code zonebridge.*} key
 * here, or an environment variable of the old {@code zonebridge.*} form, is refused naming its {@code zonebridge.yaml}
 * key ({@link MovedSettings}). Every error names the file or variable, the key and the value.
 */
public final class ServiceProperties {

    /** The Camel management server's port (health and metrics). */
    public static final String MANAGEMENT_PORT = "camel.management.port";

    private static final Map<String, PropertyConfigurerGetter> GROUPS = Map.of(
            "camel.main.", new MainConfigurationPropertiesConfigurer(),
            "camel.management.", new HttpManagementServerConfigurationPropertiesConfigurer(),
            "camel.metrics.", new MetricsConfigurationPropertiesConfigurer());

    private final Path file;
    private final Map<String, String> values;
    private final Map<String, String> overrides;
    private final Map<String, String> environment;

    private ServiceProperties(Path file, Map<String, String> values, Map<String, String> overrides,
                              Map<String, String> environment) {
        this.file = file;
        this.values = values;
        this.overrides = overrides;
        this.environment = environment;
    }

    /** Reads and checks {@code file} with the overrides {@code environment} sets. */
    public static ServiceProperties load(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the Camel properties: " + e.getMessage(), e);
        }
        refuseOldVariables(environment);
        Map<String, String> values = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("camel.")) {
                throw new ConfigException(file + ": " + key + ": only Camel's own camel.* keys belong here; "
                        + MovedSettings.newKey(key).map(moved -> "this one is " + moved + " of zonebridge.yaml")
                        .orElse("zonebridge settings are in zonebridge.yaml") + " (docs/configuration.md)");
            }
            values.put(key, properties.getProperty(key).trim());
        }
        Map<String, String> overrides = ServicePropertyOverrides.from(values.keySet(), environment);
        values.putAll(overrides);
        ServiceProperties checked = new ServiceProperties(file, values, overrides, environment);
        values.forEach(checked::check);
        return checked;
    }

    /** The environment's overrides of the file's keys, by key (for Camel, which does not apply them all itself). */
    public Map<String, String> overrides() {
        return new LinkedHashMap<>(overrides);
    }

    /** The value of {@code key}, the environment's when it sets one. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Where the value of {@code key} comes from: its environment variable, or the file. */
    public String sourceOf(String key) {
        if (overrides.containsKey(key)) {
            return ServicePropertyOverrides.variablesFor(key).stream().filter(environment::containsKey).findFirst()
                    .map(variable -> "environment variable " + variable).orElse(file.toString());
        }
        return file.toString();
    }

    /** An error about {@code key} and its value. */
    public ConfigException error(String key, String problem) {
        return new ConfigException(sourceOf(key) + ": " + key + " = " + values.get(key) + ": " + problem);
    }

    private void check(String key, String value) {
        if (value.contains("{{")) {
            return;
        }
        if (key.equals(MANAGEMENT_PORT)) {
            if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
                throw error(key, "must be a port number (1-65535)");
            }
            return;
        }
        for (Map.Entry<String, PropertyConfigurerGetter> group : GROUPS.entrySet()) {
            if (key.startsWith(group.getKey())) {
                Class<?> type = group.getValue().getOptionType(key.substring(group.getKey().length()), true);
                if (type == null) {
                    throw error(key, "Camel has no such option");
                }
                checkType(key, value, type);
            }
        }
    }

    private void checkType(String key, String value, Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if (!value.matches("-?\\d{1,18}")) {
                throw error(key, "must be a whole number");
            }
        } else if (type == boolean.class || type == Boolean.class) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw error(key, "must be true or false");
            }
        } else if (type.isEnum()) {
            boolean known = Arrays.stream(type.getEnumConstants())
                    .anyMatch(constant -> ((Enum<?>) constant).name().equalsIgnoreCase(value));
            if (!known) {
                throw error(key, "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList()));
            }
        }
    }

    /** Refuses an environment variable of an old {@code zonebridge.*} property, naming its new variable. */
    private static void refuseOldVariables(Map<String, String> environment) {
        for (Map.Entry<String, String> moved : MovedSettings.all().entrySet()) {
            for (String variable : ServicePropertyOverrides.variablesFor(moved.getKey())) {
                if (environment.containsKey(variable)) {
                    throw new ConfigException("environment variable " + variable + ": " + moved.getKey() + " = "
                            + environment.get(variable) + ": this setting is now " + moved.getValue()
                            + " of zonebridge.yaml; set " + EnvironmentOverrides.variableFor(moved.getValue())
                            + " instead (docs/configuration.md)");
                }
            }
        }
    }
}
