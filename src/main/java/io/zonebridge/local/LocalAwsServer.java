package io.zonebridge.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The local AWS emulator on one 127.0.0.1 port, per account (from the access key id), with the realism of
 * {@link LocalRoute53Options}: Route 53 (REST-XML 2013-04-01); the JSON 1.1 services chosen by the
 * {@code X-Amz-Target} prefix, Route 53 Resolver configs, Organizations and EventBridge (delivering to SQS);
 * STS by the Query protocol (form-encoded {@code Action=} bodies); and the EC2 subset of {@link Ec2QueryHandler}
 * (Query protocol, {@code Version=2016-11-15}), whose instance state changes and tag calls go to EventBridge.
 * Every ChangeResourceRecordSets call is emitted as its CloudTrail event on the caller's default bus in
 * us-east-1; rules with a rate schedule fire. Start with {@link #start(int)}, stop with {@link #stop()}.
 */
public final class LocalAwsServer {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits ~40 ms for
        // the client's delayed ACK. Read once when the JDK server classes load, so it is set before first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final LocalRoute53Options options;
    private final EmulatorState state = new EmulatorState();
    private final OperationCounters counters = new OperationCounters();
    private final LongSupplier clock = System::currentTimeMillis;
    private HttpServer server;
    private EventRouter events;
    private ScheduleFirer schedules;
    private Duration scheduleMinute = Duration.ofMinutes(1);
    private LocalDnsServer dns;
    private ExecutorService executor;
    private Ec2Timings ec2Timings = Ec2Timings.DEFAULTS;
    private Ec2QueryHandler ec2;

    /** An emulator with default options. */
    public LocalAwsServer() {
        this(LocalRoute53Options.defaults());
    }

    /** An emulator with {@code options}. */
    public LocalAwsServer(LocalRoute53Options options) {
        this.options = options;
    }

    /** Starts listening on 127.0.0.1:{@code port} (0: any free port) and returns the port. */
    public synchronized int start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        if (options.stateFile() != null) {
            StateFile stateFile = new StateFile(options.stateFile());
            stateFile.loadInto(state);
            state.onMutation(() -> stateFile.save(state));
        }
        state.mutate(() -> {
            state.roleExternalIds().putAll(options.roleExternalIds());
            return null;
        });
        events = new EventRouter(state, new SqsDelivery(options.sqsEndpoint()), counters);
        schedules = new ScheduleFirer(state, events, clock, scheduleMinute,
                Duration.ofMillis(Math.min(1000, Math.max(10, scheduleMinute.toMillis() / 60))));
        Route53Handler route53 = new Route53Handler(state, options, counters, clock,
                new CloudTrailRecorder(state, events, clock));
        StsHandler sts = new StsHandler(state, counters, clock);
        Ec2QueryHandler ec2Handler = new Ec2QueryHandler(state.ec2(), new Ec2EventEmitter(events, state, clock),
                ec2Timings, new RequestRateLimiter(options.requestsPerSecond()), counters, clock);
        ec2 = ec2Handler;
        List<JsonProtocolHandler> json = List.of(
                new JsonProtocolHandler(new ResolverHandler(state, options, clock),
                        new RequestRateLimiter(options.requestsPerSecond()), counters),
                new JsonProtocolHandler(new OrganizationsService(state, clock), null, counters),
                new JsonProtocolHandler(new EventsService(state, events, clock), null, counters));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "local-aws-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> dispatch(exchange, route53, sts, ec2Handler, json));
        server.start();
        if (options.dnsPort() >= 0) {
            LocalDnsServer dnsServer = new LocalDnsServer(new ZoneAuthority(state));
            try {
                dnsServer.start(options.dnsPort());
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
            dns = dnsServer;
        }
        return server.getAddress().getPort();
    }

    private static void dispatch(HttpExchange exchange, Route53Handler route53, StsHandler sts,
                                 Ec2QueryHandler ec2, List<JsonProtocolHandler> json) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null) {
                JsonProtocolHandler handler = json.stream().filter(h -> h.serves(target)).findFirst()
                        .orElse(json.get(0));
                handler.handle(exchange, target);
            } else if (StsHandler.isQueryRequest(exchange)) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.setStreams(new ByteArrayInputStream(body), null);
                if (Ec2QueryHandler.isEc2Request(exchange.getRequestURI().getRawQuery(), body)) {
                    ec2.handle(exchange);
                } else {
                    sts.handle(exchange);
                }
            } else {
                route53.handle(exchange);
            }
        }
    }

    /**
     * How long one minute of an EventBridge {@code rate(...)} schedule lasts (a minute by default); set before
     * {@link #start}. Scheduled rules fire one period after they are first seen, then every period.
     */
    public synchronized LocalAwsServer scheduleMinute(Duration minute) {
        if (minute.isNegative() || minute.isZero()) {
            throw new IllegalArgumentException("schedule minute must be positive: " + minute);
        }
        this.scheduleMinute = minute;
        return this;
    }

    /** Sets how long emulated EC2 state transitions take; call before {@link #start(int)}. */
    public synchronized LocalAwsServer withEc2Timings(Ec2Timings timings) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        this.ec2Timings = timings;
        return this;
    }

    /** Waits until every EventBridge delivery queued so far is done (or failed); true when idle in time. */
    public boolean awaitEventsDelivered(long timeoutMillis) throws InterruptedException {
        EventRouter router;
        synchronized (this) {
            router = events;
        }
        return router == null || router.awaitIdle(timeoutMillis);
    }

    /** Stops listening; the state stays in memory (and in the state file, if any). */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            schedules.close();
            schedules = null;
            ec2.close();
            ec2 = null;
            events.close();
            events = null;
            if (dns != null) {
                dns.stop();
                dns = null;
            }
        }
    }

    /** The HTTP port, or -1 when stopped. */
    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    /** The DNS port (UDP and TCP), or -1 when there is none. */
    public synchronized int dnsPort() {
        return dns == null ? -1 : dns.port();
    }

    /** The endpoint URL to give clients, e.g. {@code http://127.0.0.1:4566}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Request and throttle counters. */
    public OperationCounters counters() {
        return counters;
    }

    /** The options this emulator runs with. */
    public LocalRoute53Options options() {
        return options;
    }
}
