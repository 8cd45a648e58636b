package io.zonebridge.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** application.properties keys from environment variables, named the way Camel names them. */
class ServicePropertyOverridesTest {

    @Test
    void variableNamesAreCamelsUpperCaseUnderscoreForms() {
        assertEquals(List.of("CAMEL_MANAGEMENT_PORT"), ServicePropertyOverrides.variablesFor("camel.management.port"));
        assertEquals(List.of("ZONEBRIDGE_APPLY_REDELIVERYDELAY", "ZONEBRIDGE_APPLY_REDELIVERY_DELAY"),
                ServicePropertyOverrides.variablesFor("zonebridge.apply.redeliveryDelay"));
    }

    @Test
    void onlyKeysOfTheFileSetInTheEnvironmentAreOverridden() {
        Map<String, String> overrides = ServicePropertyOverrides.from(
                Set.of("camel.management.port", "zonebridge.apply.redeliveryDelay", "zonebridge.jmx.port"),
                Map.of("CAMEL_MANAGEMENT_PORT", "19876", "ZONEBRIDGE_APPLY_REDELIVERY_DELAY", "500",
                        "ZONEBRIDGE_UNRELATED", "x", "HOME", "/root"));
        assertEquals(Map.of("camel.management.port", "19876", "zonebridge.apply.redeliveryDelay", "500"), overrides);
    }
}
