package io.zonebridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code zonebridge local} as a real process (the launcher's {@code java ... ZonebridgeCommand local}) with its HTTP
 * or DNS port taken: one line on standard error naming the address, nothing on standard output, exit code 2.
 */
class LocalTakenPortTest {

    @Test
    void aTakenHttpPortIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertEquals(new Result(2, "", "zonebridge local: cannot listen on 127.0.0.1:" + port
                    + ": Address already in use\n"), run("--port", Integer.toString(port), "--dns-port", "-1"));
        }
    }

    @Test
    void aTakenDnsPortIsOneLine() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = taken.getLocalPort();
            assertEquals(new Result(2, "", "zonebridge local: cannot listen for DNS on 127.0.0.1:" + port
                    + ": Address already in use\n"), run("--port", "0", "--dns-port", Integer.toString(port)));
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                // a short-lived process: the quick compiler only and one GC thread (as ServiceProcess)
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.zonebridge.cli.ZonebridgeCommand", "local"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("zonebridge local did not exit with its port taken");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
