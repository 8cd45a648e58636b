package io.zonebridge.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.util.StringHelper;

/**
 * Environment variables that override the keys of the service properties ({@code config/application.properties}),
 * named as Camel names them: the key in upper case with dots and dashes as underscores, camelCase words either
 * joined or split ({@code camel.management.port} is {@code CAMEL_MANAGEMENT_PORT}, {@code zonebridge.apply.redeliveryDelay}
 * is {@code ZONEBRIDGE_APPLY_REDELIVERY_DELAY} or {@code ZONEBRIDGE_APPLY_REDELIVERYDELAY}). Camel resolves such
 * variables itself for placeholders and {@code camel.main.*}, but not for every group it configures from the file
 * (the management server's {@code camel.management.*} for one), so the service applies them all as override
 * properties.
 */
public final class ServicePropertyOverrides {

    private ServicePropertyOverrides() {
    }

    /** The variables Camel would look up for {@code key}, in its order. */
    public static List<String> variablesFor(String key) {
        String joined = normalize(key);
        String split = normalize(StringHelper.camelCaseToDash(key));
        return joined.equals(split) ? List.of(joined) : List.of(joined, split);
    }

    /** The override of each of {@code keys} that {@code environment} sets, by key. */
    public static Map<String, String> from(Set<String> keys, Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String key : new TreeSet<>(keys)) {
            for (String variable : variablesFor(key)) {
                String value = environment.get(variable);
                if (value != null) {
                    overrides.put(key, value);
                    break;
                }
            }
        }
        return overrides;
    }

    private static String normalize(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
