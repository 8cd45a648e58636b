package io.zonebridge.cli;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code zonebridge local}: the local AWS emulator (Route 53, Resolver, STS, Organizations, EventBridge delivering
 * to SQS, an EC2 subset, DNS port) in the foreground until killed.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the local AWS emulator (Route 53, Resolver configs, rules and endpoints, STS, Organizations, "
                + "EventBridge with CloudTrail events of Route 53 changes, an EC2 subset, DNS port) until killed.")
public final class LocalCommand implements Callable<Integer> {
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "4566", 
            description = "HTTP port on 127.0.0.1 (0: any free port; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--dns-port", defaultValue = "15353", 
            description = "DNS port, UDP and TCP (0: any free port, -1: none; default: ${DEFAULT-VALUE}).")
    int dnsPort;

    @Option(names = "--state", 
            description = "JSON state file, loaded at start and saved after every change.")
    Path state;

    @Option(names = "--throttle", defaultValue = "0", 
            description = "Requests per second per account before Throttling (0: off).")
    int throttle;

    @Option(names = "--pending-ms", defaultValue = "0", 
            description = "Milliseconds a change stays PENDING before INSYNC.")
    long pendingMillis;

    @Option(names = "--prior-request-not-complete", 
            description = "Refuse a change to a zone whose previous change is still PENDING.")
    boolean priorRequestNotComplete;

    @Option(names = "--sqs-endpoint",
            description = "SQS server (e.g. ElasticMQ, http://127.0.0.1:9324) that EventBridge rules with SQS "
                    + "targets deliver to.")
    URI sqsEndpoint;

    @Option(names = "--role-external-id", paramLabel = "ROLE_ARN=EXTERNAL_ID",
            description = "Make STS AssumeRole of ROLE_ARN demand EXTERNAL_ID (repeatable).")
    Map<String, String> roleExternalIds = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        LocalRoute53Options options = new LocalRoute53Options(pendingMillis, throttle, priorRequestNotComplete,
                state, dnsPort, sqsEndpoint, roleExternalIds);
        LocalAwsServer server = new LocalAwsServer(options);
        int actualPort = server.start(port);
        Thread hook = new Thread(server::stop, "zonebridge-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.print(startupLines(actualPort, server.dnsPort()));
        out.flush();
        try {
            stopped.await();
        } finally {
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        return 0;
    }

    /** The startup report, written at once so a reader never sees half of it. */
    private String startupLines(int actualPort, int actualDnsPort) {
        String endpoint = "http://127.0.0.1:" + actualPort;
        StringBuilder lines = new StringBuilder()
                .append("zonebridge local: Route 53 endpoint ").append(endpoint)
                .append(" (aws --endpoint-url ").append(endpoint).append(")").append(System.lineSeparator())
                .append("zonebridge local: serving Route 53, Route 53 Resolver, STS, Organizations, EventBridge, EC2 on ")
                .append(endpoint).append("; CloudTrail events of ChangeResourceRecordSets (us-east-1) and of EC2 tag ")
                .append("calls, and EC2 instance state changes, on each account's default bus")
                .append(System.lineSeparator())
                .append("zonebridge local: EventBridge SQS targets deliver to ")
                .append(sqsEndpoint == null ? "nothing (no --sqs-endpoint)" : sqsEndpoint.toString())
                .append(System.lineSeparator());
        if (actualDnsPort > 0) {
            lines.append("zonebridge local: DNS on 127.0.0.1 port ").append(actualDnsPort).append(" (UDP and TCP)")
                    .append(System.lineSeparator());
        }
        if (state != null) {
            lines.append("zonebridge local: state file ").append(state.toAbsolutePath()).append(System.lineSeparator());
        }
        return lines.toString();
    }

    /** Ends a running {@link #call()} (for embedding and tests; a standalone run ends when the JVM is killed). */
    public void shutdown() {
        stopped.countDown();
    }
}
