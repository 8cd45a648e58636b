package io.zonebridge.app;

import io.zonebridge.app.cluster.ClusterWiring;
import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.app.config.NotifySettings;
import io.zonebridge.app.ec2.Ec2Job;
import io.zonebridge.app.monitoring.ZonebridgeMonitoring;
import io.zonebridge.app.reverse.ReverseJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Camel configuration of the service: reads {@code zonebridge.yaml} (path from property
 * {@value #CONFIG_PROPERTY}, default {@value #DEFAULT_CONFIG}), assembles the {@link ZonebridgeRuntime} and binds
 * the beans the YAML routes call by name: {@code zoneSynchronizer}, {@code refreshSchedule},
 * {@code mirrorJobs}, {@code zoneFileWatcher}, {@code notifyReceiver}, {@code zoneStatusBoard}, and installs the monitoring (MBeans, health, metrics). It also sets
 * the properties {@code zonebridge.notify.host}, {@code .port} and {@code .enabled} from the configuration, and the
 * netty handlers of the NOTIFY listener on TCP ({@link DnsTcpFraming}) and {@code notifyConnectionErrors}.
 * The reverse-DNS job's beans and properties come from {@link ReverseJob#bind}, the EC2 job's from {@link Ec2Job#bind},
 * those of several replicas (leader election, NOTIFY hand-off) from {@link ClusterWiring#bind}.
 */
public final class ZonebridgeBeans implements CamelConfiguration {

    /** Property naming the zonebridge YAML configuration file. */
    public static final String CONFIG_PROPERTY = "zonebridge.config";
    /** Default configuration file, relative to the working directory. */
    public static final String DEFAULT_CONFIG = "config/zonebridge.yaml";

    /** Property naming the directory of the route files. */
    public static final String ROUTES_DIR_PROPERTY = "zonebridge.routes.dir";
    /** Property switching the reload of changed route files ({@link RouteFileReload}) on or off. */
    public static final String RELOAD_PROPERTY = "zonebridge.routes.reload";

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Path file = Path.of(properties.resolveProperty(CONFIG_PROPERTY).orElse(DEFAULT_CONFIG));
        ZonebridgeRuntime runtime = ZonebridgeRuntime.start(ConfigLoader.fromSystemEnvironment().load(file),
                Clock.systemUTC());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                runtime.close();
            }
        }, true, true);
        Registry registry = context.getRegistry();
        registry.bind("zonebridgeRuntime", runtime);
        registry.bind("zoneSynchronizer", runtime.synchronizer());
        registry.bind("zoneStatusBoard", runtime.statusBoard());
        registry.bind("refreshSchedule", runtime.refreshSchedule());
        registry.bind("mirrorJobs", runtime.mirrorJobs());
        registry.bind("zoneFileWatcher", runtime.zoneFileWatcher());
        registry.bind("notifyReceiver", runtime.notifyReceiver());
        if (Boolean.parseBoolean(properties.resolveProperty(RELOAD_PROPERTY).orElse("true").trim())) {
            RouteFileReload reload = new RouteFileReload(
                    Path.of(properties.resolveProperty(ROUTES_DIR_PROPERTY).orElse("routes")), ".camel.yaml");
            context.addService(reload);
            registry.bind(RouteFileReload.class.getSimpleName(), reload);
        }
        registry.bind("notifyConnectionErrors", new NotifyConnectionErrors());
        DnsTcpFraming.bind(registry, properties.resolveProperty(DnsTcpFraming.IDLE_TIMEOUT_PROPERTY)
                .map(ms -> Duration.ofMillis(Long.parseLong(ms.trim()))).orElse(DnsTcpFraming.DEFAULT_IDLE_TIMEOUT));
        ZonebridgeMonitoring.install(context, runtime, runtime.notifyReceiver());
        context.getManagementStrategy().addEventNotifier(new InFlightWorkGuard(context, Duration.ofSeconds(
                Long.parseLong(properties.resolveProperty(InFlightWorkGuard.LIMIT_PROPERTY).orElse("15").trim()))));
        NotifySettings notify = runtime.config().secondary().notifyListener();
        properties.addOverrideProperty("zonebridge.notify.host", notify.host());
        properties.addOverrideProperty("zonebridge.notify.port", Integer.toString(notify.port()));
        properties.addOverrideProperty("zonebridge.notify.enabled", Boolean.toString(notify.enabled()));
        ClusterWiring.bind(runtime, context);
        ReverseJob.bind(runtime, context);
        Ec2Job.bind(runtime, context);
    }
}
