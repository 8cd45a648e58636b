package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The task definition's container health check, run for real with bash against an HTTP server on
 * loopback: it succeeds when {@code /observe/health} says UP and fails when it says DOWN.
 */
class ContainerHealthProbeTest {

    @Test
    void probeSucceedsOnUpAndFailsOnDown() throws Exception {
        assertEquals(0, probe("{\"status\":\"UP\"}"));
        assertNotEquals(0, probe("{\"status\":\"DOWN\"}"));
    }

    private static int probe(String healthBody) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/observe/health", exchange -> {
            byte[] body = healthBody.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            List<String> command = new ArrayList<>();
            JsonNode configured = CloudFormationTemplate.load(DeployTemplates.NETWORK).properties("TaskDefinition")
                    .path("ContainerDefinitions").path(0).path("HealthCheck").path("Command");
            assertEquals("CMD", configured.path(0).asText());
            for (int i = 1; i < configured.size(); i++) {
                JsonNode part = configured.get(i);
                command.add(part.has("Fn::Sub")
                        ? part.get("Fn::Sub").asText().replace("${HealthPort}", Integer.toString(server.getAddress().getPort()))
                        : part.asText());
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "health probe did not finish");
            return process.exitValue();
        } finally {
            server.stop(0);
        }
    }
}
