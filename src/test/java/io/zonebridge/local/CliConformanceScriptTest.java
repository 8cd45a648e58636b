package io.zonebridge.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs scripts/cli-conformance.sh (the real AWS CLI v2 at /usr/bin/aws) against an embedded emulator. */
class CliConformanceScriptTest {

    @Test
    void awsCliSeesRoute53AndResolverBehaviourAsSpecified() throws IOException, InterruptedException {
        Path script = Path.of("scripts/cli-conformance.sh");
        assertTrue(Files.isRegularFile(script), "missing " + script.toAbsolutePath());
        LocalAwsServer server = new LocalAwsServer();
        server.start(0);
        try {
            Process process = new ProcessBuilder("bash", script.toString(), server.endpoint())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("# 19 checks, 0 failed"), output);
            assertTrue(server.counters().requests("ChangeResourceRecordSets") >= 5, output);
        } finally {
            server.stop();
        }
    }
}
