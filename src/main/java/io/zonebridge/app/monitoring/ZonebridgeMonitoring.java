package io.zonebridge.app.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonebridge.app.ManagedZone;
import io.zonebridge.app.RouteFileReload;
import io.micrometer.core.instrument.FunctionCounter;
import io.zonebridge.app.NotifyReceiver;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.app.ec2.Ec2Ingest;
import io.zonebridge.app.reverse.ReverseIngest;
import io.zonebridge.intake.RejectReason;
import io.zonebridge.reverse.IgnoreReason;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * zonebridge's monitoring, tied to the Camel context's life: the MBeans in domain {@value #DOMAIN} (one per zone,
 * one per account, ignored events), remote JMX when {@code jmx.port} of {@code zonebridge.yaml} is set, the health check
 * {@link ZoneFailureHealthCheck} and the {@link ZonebridgeMeters} in the Micrometer registry Camel creates
 * (bean {@value #METER_REGISTRY}) when {@code camel.metrics.enabled=true}.
 */
public final class ZonebridgeMonitoring extends ServiceSupport implements StartupListener {

    /** The JMX domain of zonebridge's MBeans. */
    public static final String DOMAIN = "io.zonebridge";
    /** The name under which camel-micrometer-prometheus binds its registry. */
    public static final String METER_REGISTRY = "metricsRegistry";
    /** Where syncNow and verifyNow put their work. */
    public static final String ZONE_WORK_ENDPOINT = "seda:zone-work";

    private static final Logger LOG = LoggerFactory.getLogger(ZonebridgeMonitoring.class);

    private final CamelContext context;
    private final RemoteJmxSettings jmx;
    private final Map<ObjectName, Object> mbeans = new LinkedHashMap<>();
    private final ZonebridgeMeters meters;
    private final ZoneFailureHealthCheck health;
    private final FirstSyncHealthCheck firstSync;
    private RouteReloadHealthCheck routes;
    private ProducerTemplate producer;
    private RemoteJmxServer remote;

    private ZonebridgeMonitoring(CamelContext context, ZonebridgeRuntime runtime, NotifyReceiver notify) {
        this.context = context;
        this.jmx = runtime.config().service().jmx();
        Clock clock = Clock.systemUTC();
        List<ZoneMonitor> zones = new ArrayList<>();
        for (ManagedZone zone : runtime.catalog().zones()) {
            ZoneMonitor monitor = new ZoneMonitor(zone, runtime.statusBoard(), runtime.synchronizer().paused(),
                    this::putWork, () -> runtime.synchronizer().driftFound(zone.key()));
            zones.add(monitor);
            mbeans.put(name("Zone", zone.key()), monitor);
        }
        String account = runtime.catalog().zones().stream().map(z -> z.key().substring(0, z.key().indexOf('/')))
                .findFirst().orElse("default");
        AccountMonitor calls = new AccountMonitor(() -> runtime.connection().gateway().stats());
        mbeans.put(name("Account", account), calls);
        IgnoredEvents ignored = new IgnoredEvents(notify.stats(), () -> reverseIgnored(context));
        mbeans.put(name("Events", "ignored"), ignored);
        this.meters = new ZonebridgeMeters(zones, account, calls, ignored, () -> rejectedEvents(context), clock);
        this.health = new ZoneFailureHealthCheck(runtime.statusBoard(),
                runtime.config().service().maxFailing(), clock,
                runtime.refreshSchedule()::expiredZones);
        this.firstSync = new FirstSyncHealthCheck(
                runtime.catalog().zones().stream().map(ManagedZone::key).toList(), runtime.statusBoard());
    }

    /** Adds zonebridge's monitoring to {@code context} (from its Camel configuration). */
    public static void install(CamelContext context, ZonebridgeRuntime runtime, NotifyReceiver notify)
            throws Exception {
        RouteLevelMBeans.install(context);
        ZonebridgeMonitoring monitoring = new ZonebridgeMonitoring(context, runtime, notify);
        context.addService(monitoring, true, false);
        context.addStartupListener(monitoring);
    }

    /** The object name of a zonebridge MBean, e.g. {@code io.zonebridge:type=Zone,name="default/..."}. */
    public static ObjectName name(String type, String name) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + ",name=" + ObjectName.quote(name));
        } catch (JMException e) {
            throw new IllegalArgumentException("no MBean name for " + type + " " + name, e);
        }
    }

    @Override
    protected void doStart() throws Exception {
        producer = context.createProducerTemplate();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (Map.Entry<ObjectName, Object> mbean : mbeans.entrySet()) {
            if (server.isRegistered(mbean.getKey())) {
                server.unregisterMBean(mbean.getKey());
            }
            server.registerMBean(mbean.getValue(), mbean.getKey());
        }
        if (jmx.enabled()) {
            remote = RemoteJmxServer.start(jmx);
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
        // everything happens once the context and its metrics service are fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
        HealthCheckRegistry checks = HealthCheckRegistry.get(started);
        if (checks != null) {
            health.setCamelContext(started);
            checks.register(health);
            firstSync.setCamelContext(started);
            checks.register(firstSync);
            reloads().ifPresent(reload -> {
                routes = new RouteReloadHealthCheck(reload::failing);
                routes.setCamelContext(started);
                checks.register(routes);
            });
        } else {
            LOG.warn("no Camel health check registry: the zonebridge/zones health check is off");
        }
        MeterRegistry registry = started.getRegistry().lookupByNameAndType(METER_REGISTRY, MeterRegistry.class);
        if (registry != null) {
            meters.bindTo(registry);
            reloads().ifPresent(reload -> FunctionCounter.builder("zonebridge.routes.reload.failures", reload,
                    RouteFileReload::failures).description("Changed route files that failed to load").register(registry));
        } else {
            LOG.info("camel.metrics.enabled is off: zonebridge figures only over JMX");
        }
    }

    private Optional<RouteFileReload> reloads() {
        return Optional.ofNullable(context.getRegistry().lookupByNameAndType(
                RouteFileReload.class.getSimpleName(), RouteFileReload.class));
    }

    @Override
    protected void doStop() throws Exception {
        HealthCheckRegistry checks = HealthCheckRegistry.get(context);
        if (checks != null) {
            checks.unregister(health);
            checks.unregister(firstSync);
            if (routes != null) {
                checks.unregister(routes);
            }
        }
        if (remote != null) {
            remote.close();
            remote = null;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : mbeans.keySet()) {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        }
        if (producer != null) {
            producer.stop();
        }
    }

    private void putWork(ManagedZone zone, String reason) {
        producer.sendBody(ZONE_WORK_ENDPOINT, zone.work(reason));
    }

    /** The reverse-DNS job's ignored messages by reason ({@code reverse.<reason>}); empty when the job is off. */
    private static Map<String, Long> reverseIgnored(CamelContext context) {
        ReverseIngest ingest = context.getRegistry().lookupByNameAndType("reverseIngest", ReverseIngest.class);
        Map<String, Long> out = new TreeMap<>();
        if (ingest != null) {
            for (IgnoreReason reason : IgnoreReason.values()) {
                out.put(reverseReasonKey(reason), ingest.ignored().count(reason));
            }
        }
        return out;
    }

    /**
     * The event jobs' dead-lettered messages by reason ({@code <job>.<reason>}, e.g. {@code reverse.invalid-value});
     * a job that is off has none.
     */
    static Map<String, Long> rejectedEvents(CamelContext context) {
        Map<String, Long> out = new TreeMap<>();
        ReverseIngest reverse = context.getRegistry().lookupByNameAndType("reverseIngest", ReverseIngest.class);
        Ec2Ingest ec2 = context.getRegistry().lookupByNameAndType("ec2Ingest", Ec2Ingest.class);
        for (RejectReason reason : RejectReason.values()) {
            if (reverse != null) {
                out.put("reverse." + reason.key(), reverse.rejected().getOrDefault(reason.key(), 0L));
            }
            if (ec2 != null) {
                out.put("ec2." + reason.key(), ec2.rejected().getOrDefault(reason.key(), 0L));
            }
        }
        return out;
    }

    /** The reason key of an ignored reverse-DNS event. */
    static String reverseReasonKey(IgnoreReason reason) {
        return "reverse." + reason.name().toLowerCase(Locale.ROOT);
    }
}
