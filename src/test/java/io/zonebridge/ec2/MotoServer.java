package io.zonebridge.ec2;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * moto_server (a real AWS emulator, installed on the machine) on a free loopback port, started by the test and
 * stopped by its pid. A missing moto_server is a failure.
 */
final class MotoServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final File log;

    private MotoServer(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static MotoServer start() throws IOException {
        int port = LoopbackPorts.free();
        File log = File.createTempFile("moto-" + port + "-", ".log");
        log.deleteOnExit();
        Process p = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log).start();
        MotoServer server = new MotoServer(p, port, log);
        try {
            LoopbackPorts.awaitListening(port, Duration.ofSeconds(60), "moto_server (log " + log + ")", p);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Ec2Client ec2() {
        return Ec2Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroy);
        handle.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
