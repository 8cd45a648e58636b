package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonebridge.secondary.BindPrimary;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service with ZONEBRIDGE_LOG_FORMAT=json writes only JSON lines (CloudWatch Logs), never the TSIG secret it
 * was given (a zone uses the key, so transfers are attempted with it), and exits on SIGTERM after a graceful
 * shutdown (exit status 143: the JVM's for a handled SIGTERM).
 */
class ServiceLogsTest {

    @TempDir
    Path dir;

    @Test
    void jsonLinesWithoutTheSecretAndACleanExitOnSigterm() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.freePorts());
        env.put("ZONEBRIDGE_LOG_FORMAT", "json");
        env.put("ZONEBRIDGE_CONFIG_TSIG_KEYS", "{xfr-key: {algorithm: hmac-sha256, secretEnv: ZB_TEST_XFR_SECRET}}");
        env.put("ZB_TEST_XFR_SECRET", secret);
        env.put("ZONEBRIDGE_CONFIG_SECONDARY_ZONES", "[{name: secure.example, primaries: ['127.0.0.1:"
                + BindPrimary.freePort() + "'], tsigKey: xfr-key, hostedZone: {private: true, vpc: vpc-0abc}}]");
        try (ServiceProcess service = ServiceProcess.start(env, dir.resolve("service.log"))) {
            assertTrue(service.awaitLog("(zonebridge) started in", Duration.ofSeconds(90)), service.log());
            assertTrue(service.awaitLog("secure.example", Duration.ofSeconds(30)), "a sync of the TSIG zone was tried");
            long stopAt = System.nanoTime();
            service.terminate();
            assertEquals(143, service.awaitExit(Duration.ofSeconds(30)), service.log());
            Duration stopping = Duration.ofNanos(System.nanoTime() - stopAt);
            assertTrue(stopping.compareTo(Duration.ofSeconds(20)) < 0, "stopped in " + stopping);
            String log = service.log();
            assertFalse(log.contains(secret), "the TSIG secret is in the log");
            ObjectMapper json = new ObjectMapper();
            List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertTrue(entry.has("level") && entry.has("formattedMessage") && entry.has("timestamp"), line);
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("(zonebridge) shutdown in")), "graceful shutdown logged");
            List<String> messages = new java.util.ArrayList<>();
            for (String line : lines) {
                messages.add(json.readTree(line).get("formattedMessage").asText());
            }
            int started = messages.stream().filter(m -> m.startsWith("zonebridge started:")).findFirst()
                    .map(messages::indexOf).orElseThrow(() -> new AssertionError("no start-up summary: " + log));
            assertTrue(started < 15, "start-up took " + (started + 1) + " lines at INFO:\n" + log);
            String management = "http://127.0.0.1:" + env.get("CAMEL_MANAGEMENT_PORT") + "/observe/health";
            assertTrue(messages.stream().anyMatch(m -> m.contains(management)), "the bound address is logged: " + log);
            assertFalse(log.contains("0.0.0.0"), "no wildcard address is logged: " + log);
        }
    }
}
