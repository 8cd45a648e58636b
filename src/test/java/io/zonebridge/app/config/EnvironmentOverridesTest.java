package io.zonebridge.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** zonebridge.yaml keys set from ZONEBRIDGE_CONFIG_* environment variables (the ECS task definition's way). */
class EnvironmentOverridesTest {

    private static final String FILE = """
            route53:
              endpoint: http://127.0.0.1:4566
              rateLimitPerSecond: 4
            secondary:
              notify:
                listen: 127.0.0.1:10053
                allowFrom: [127.0.0.1]
              zones:
                - name: example.com
                  primaries: [127.0.0.1:5300]
            """;

    private static ZonebridgeConfig parse(Map<String, String> environment) {
        return new ConfigLoader(environment).parse("zb.yaml", FILE);
    }

    @Test
    void variableNamesFollowTheKeyPath() {
        assertEquals("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN", EnvironmentOverrides.variableFor("secondary.notify.listen"));
        assertEquals("ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND",
                EnvironmentOverrides.variableFor("route53.rateLimitPerSecond"));
        assertEquals("ZONEBRIDGE_CONFIG_SECONDARY_ZONES_0_PRIMARIES",
                EnvironmentOverrides.variableFor("secondary.zones[0].primaries"));
        assertEquals("ZONEBRIDGE_CONFIG_TSIG_KEYS_XFR_KEY_SECRET_FILE",
                EnvironmentOverrides.variableFor("tsigKeys.xfr-key.secretFile"));
    }

    @Test
    void scalarsListsAndNestedKeysComeFromTheEnvironment() {
        ZonebridgeConfig config = parse(Map.of(
                "ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN", "0.0.0.0:5353",
                "ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_ALLOW_FROM", "[10.0.0.0/8, 192.168.1.1]",
                "ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND", "2.5",
                "ZONEBRIDGE_CONFIG_SECONDARY_ZONES_0_PRIMARIES", "[127.0.0.9:53]",
                "PATH", "/usr/bin"));
        NotifySettings notify = config.secondary().notifyListener();
        assertEquals("0.0.0.0", notify.host());
        assertEquals(5353, notify.port());
        assertEquals(List.of("10.0.0.0/8", "192.168.1.1"), notify.allowFrom());
        assertEquals(2.5, config.route53().rateLimitPerSecond());
        assertEquals(List.of(new PrimaryAddress("127.0.0.9", 53)), config.secondary().zones().get(0).primaries());
        assertEquals("http://127.0.0.1:4566", config.route53().endpoint().orElseThrow().toString(), "file value kept");
    }

    @Test
    void aSectionAbsentFromTheFileCanComeFromTheEnvironment() {
        ZonebridgeConfig config = parse(Map.of("ZONEBRIDGE_CONFIG_REVERSE_ENABLED", "true",
                "ZONEBRIDGE_CONFIG_REVERSE_QUEUE", "events-from-eventbridge"));
        assertTrue(config.reverse().enabled());
        assertEquals("events-from-eventbridge", config.reverse().queue());
    }

    @Test
    void aWholeSectionCanBeYaml() {
        ZonebridgeConfig config = parse(Map.of("ZONEBRIDGE_CONFIG_TSIG_KEYS",
                "{xfr-key: {algorithm: hmac-sha256, secretEnv: XFR}}", "XFR", "c2VjcmV0LXNlY3JldA=="));
        assertEquals("c2VjcmV0LXNlY3JldA==", config.tsigKeys().get("xfr-key").secret());
    }

    @Test
    void aVariableNamingNoKeyStopsStartUpNamingIt() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> parse(Map.of("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTNE", "0.0.0.0:53")));
        assertTrue(error.getMessage().contains("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTNE"), error.getMessage());
        assertTrue(error.getMessage().contains("no such configuration key"), error.getMessage());
    }

    @Test
    void aWrongValueFromTheEnvironmentNamesTheVariableAndTheKey() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> parse(Map.of("ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND", "fast")));
        assertTrue(error.getMessage().startsWith(
                "environment variable ZONEBRIDGE_CONFIG_ROUTE53_RATE_LIMIT_PER_SECOND: route53.rateLimitPerSecond:"),
                error.getMessage());
        ConfigException yaml = assertThrows(ConfigException.class,
                () -> parse(Map.of("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_ALLOW_FROM", "[10.0.0.0/8")));
        assertTrue(yaml.getMessage().contains("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_ALLOW_FROM (secondary.notify.allowFrom)"),
                yaml.getMessage());
    }
}
