package io.zonebridge.cli;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.localpeers.LocalPeer;
import io.zonebridge.localpeers.LocalPeers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code zonebridge local}: the local AWS emulator (Route 53, Resolver, STS, Organizations, EventBridge delivering
 * to SQS, an EC2 subset, DNS port) in the foreground until killed; on request also SQS (ElasticMQ) and DynamoDB
 * (DynamoDB Local), loaded from the local peers beside the jar ({@link LocalPeers}).
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the local AWS emulator (Route 53, Resolver configs, rules and endpoints, STS, Organizations, "
                + "EventBridge with CloudTrail events of Route 53 changes, an EC2 subset, DNS port) until killed; "
                + "with --sqs-port and --dynamodb-port also SQS (ElasticMQ) and DynamoDB (DynamoDB Local).")
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

    @Option(names = "--sqs-port", defaultValue = "-1",
            description = "Also serve SQS (ElasticMQ, in memory) on this port of 127.0.0.1, where EventBridge SQS "
                    + "targets then deliver (0: any free port; default: none).")
    int sqsPort;

    @Option(names = "--dynamodb-port", defaultValue = "-1",
            description = "Also serve DynamoDB (DynamoDB Local, in memory) on this port of 127.0.0.1 (0: any free "
                    + "port; default: none).")
    int dynamoDbPort;

    @Option(names = "--role-external-id", paramLabel = "ROLE_ARN=EXTERNAL_ID",
            description = "Make STS AssumeRole of ROLE_ARN demand EXTERNAL_ID (repeatable).")
    Map<String, String> roleExternalIds = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (sqsPort >= 0 && sqsEndpoint != null) {
            throw new ParameterException(spec.commandLine(),
                    "--sqs-port and --sqs-endpoint exclude each other (--sqs-port serves SQS and delivers there)");
        }
        Running running = new Running();
        Thread hook = new Thread(running::stop, "zonebridge-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LocalPeers available = new LocalPeers();
            CompletableFuture<LocalPeer> sqsStart = startPeer(available, "SQS", sqsPort, running);
            CompletableFuture<LocalPeer> dynamoDbStart = startPeer(available, "DynamoDB", dynamoDbPort, running);
            CompletableFuture.allOf(sqsStart, dynamoDbStart).exceptionally(failed -> null).join();
            LocalPeer sqs = started(sqsStart);
            LocalPeer dynamoDb = started(dynamoDbStart);
            URI deliverTo = sqs == null ? sqsEndpoint : sqs.endpoint();
            LocalAwsServer server = running.add(new LocalAwsServer(new LocalRoute53Options(pendingMillis, throttle,
                    priorRequestNotComplete, state, dnsPort, deliverTo, roleExternalIds)));
            int actualPort = server.start(port);
            if (server.dnsPort() > 0) {
                dnsAnswers(server.dnsPort());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(startupLines(actualPort, server.dnsPort(), deliverTo,
                    Stream.of(sqs, dynamoDb).filter(Objects::nonNull).toList()));
            out.flush();
            stopped.await();
        } finally {
            running.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        return 0;
    }

    /**
     * Asks the DNS port one question and waits for the answer, so the start-up lines mean it answers (and a
     * client's first query, say doctor's with its 3 s timeout, does not wait for the server's warm-up).
     */
    private static void dnsAnswers(int dnsPort) throws IOException {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(dnsPort);
        resolver.setTimeout(Duration.ofSeconds(30));
        resolver.send(Message.newQuery(Record.newRecord(Name.root, Type.SOA, DClass.IN)));
    }

    /** Starts the peer of {@code service} in the background (they start at the same time), none for port -1. */
    private static CompletableFuture<LocalPeer> startPeer(LocalPeers available, String service, int port,
                                                          Running running) {
        if (port < 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return running.add(available.start(service, port));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The started peer, or what stopped it from starting. */
    private static LocalPeer started(CompletableFuture<LocalPeer> start) throws Exception {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The startup report, written at once so a reader never sees half of it. */
    private String startupLines(int actualPort, int actualDnsPort, URI deliverTo, List<LocalPeer> peers) {
        String endpoint = "http://127.0.0.1:" + actualPort;
        String nl = System.lineSeparator();
        StringBuilder lines = new StringBuilder()
                .append("zonebridge local: Route 53 endpoint ").append(endpoint)
                .append(" (aws --endpoint-url ").append(endpoint).append(")").append(nl)
                .append("zonebridge local: serving Route 53, Route 53 Resolver, STS, Organizations, EventBridge, EC2 on ")
                .append(endpoint).append("; CloudTrail events of ChangeResourceRecordSets (us-east-1) and of EC2 tag ")
                .append("calls, and EC2 instance state changes, on each account's default bus").append(nl);
        for (LocalPeer peer : peers) {
            lines.append("zonebridge local: ").append(peer.service()).append(" (").append(peer.product())
                    .append(") endpoint ").append(peer.endpoint()).append(" (aws --endpoint-url ")
                    .append(peer.endpoint()).append(' ').append(peer.service().toLowerCase(Locale.ROOT))
                    .append(" ...)").append(nl);
        }
        lines.append("zonebridge local: EventBridge SQS targets deliver to ")
                .append(deliverTo == null ? "nothing (no --sqs-port or --sqs-endpoint)" : deliverTo.toString())
                .append(nl);
        if (actualDnsPort > 0) {
            lines.append("zonebridge local: DNS on 127.0.0.1 port ").append(actualDnsPort).append(" (UDP and TCP)")
                    .append(nl);
        }
        if (state != null) {
            lines.append("zonebridge local: state file ").append(state.toAbsolutePath()).append(nl);
        }
        return lines.toString();
    }

    /**
     * What this run started, stopped once: the emulator first (it delivers to SQS), then the peers. A peer that
     * finishes starting after that is stopped at once.
     */
    private static final class Running {
        private final List<LocalPeer> peers = new ArrayList<>();
        private LocalAwsServer server;
        private boolean done;

        LocalPeer add(LocalPeer peer) {
            synchronized (this) {
                if (!done) {
                    peers.add(peer);
                    return peer;
                }
            }
            close(peer);
            return peer;
        }

        synchronized LocalAwsServer add(LocalAwsServer emulator) {
            server = emulator;
            return emulator;
        }

        synchronized void stop() {
            if (done) {
                return;
            }
            done = true;
            if (server != null) {
                server.stop();
            }
            peers.forEach(Running::close);
        }

        private static void close(LocalPeer peer) {
            try {
                peer.close();
            } catch (Exception e) {
                System.err.println("zonebridge local: stopping " + peer.service() + ": " + CommandErrors.causes(e));
            }
        }
    }

    /** Ends a running {@link #call()} (for embedding and tests; a standalone run ends when the JVM is killed). */
    public void shutdown() {
        stopped.countDown();
    }
}
