package io.zonebridge.app;

import io.zonebridge.app.cluster.ClusterWiring;
import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.app.config.ServiceSettings;
import io.zonebridge.app.config.ZonebridgeConfig;
import io.zonebridge.app.ec2.Ec2Job;
import io.zonebridge.app.monitoring.ZonebridgeMonitoring;
import io.zonebridge.app.reverse.ReverseJob;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Camel configuration of the service: from the validated {@code zonebridge.yaml} that
 * {@link ZonebridgeApplication} bound as {@value #CONFIG_BEAN}, assembles the {@link ZonebridgeRuntime} and binds
 * the beans the YAML routes call by name: {@code zoneSynchronizer}, {@code refreshSchedule},
 * {@code mirrorJobs}, {@code zoneFileWatcher}, {@code notifyReceiver}, {@code zoneStatusBoard}, and installs the
 * monitoring (MBeans, health, metrics), the netty handlers of the NOTIFY listener on TCP ({@link DnsTcpFraming}) and
 * {@code notifyConnectionErrors}. The reverse-DNS job's beans come from {@link ReverseJob#bind}, the EC2 job's from
 * {@link Ec2Job#bind}, those of several replicas (leader election, NOTIFY hand-off) from {@link ClusterWiring#bind};
 * the routes' properties from {@link RouteProperties}.
 */
public final class ZonebridgeBeans implements CamelConfiguration {

    /** The bean holding the validated {@link ZonebridgeConfig}. */
    public static final String CONFIG_BEAN = "zonebridgeConfig";
    /** Default configuration file, relative to the working directory. */
    public static final String DEFAULT_CONFIG = "config/zonebridge.yaml";
    /** Property naming the configuration file when Camel main runs these beans without {@link ZonebridgeApplication}. */
    public static final String CONFIG_PROPERTY = "zonebridge.config";

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        ZonebridgeConfig config = registry.lookupByNameAndType(CONFIG_BEAN, ZonebridgeConfig.class);
        if (config == null) {
            config = embeddedConfig(context);
        }
        ServiceSettings service = config.service();
        ZonebridgeRuntime runtime = ZonebridgeRuntime.start(config, Clock.systemUTC());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                runtime.close();
            }
        }, true, true);
        registry.bind("zonebridgeRuntime", runtime);
        registry.bind("zoneSynchronizer", runtime.synchronizer());
        registry.bind("zoneStatusBoard", runtime.statusBoard());
        registry.bind("refreshSchedule", runtime.refreshSchedule());
        registry.bind("mirrorJobs", runtime.mirrorJobs());
        registry.bind("zoneFileWatcher", runtime.zoneFileWatcher());
        registry.bind("notifyReceiver", runtime.notifyReceiver());
        if (service.reloadRoutes()) {
            RouteFileReload reload = new RouteFileReload(RouteDirectory.resolved(service.routesDir()), ".camel.yaml");
            context.addService(reload);
            registry.bind(RouteFileReload.class.getSimpleName(), reload);
        }
        registry.bind("notifyConnectionErrors", new NotifyConnectionErrors());
        DnsTcpFraming.bind(registry, config.secondary().notifyListener().tcpIdleTimeout());
        ZonebridgeMonitoring.install(context, runtime, runtime.notifyReceiver());
        context.getManagementStrategy().addEventNotifier(new InFlightWorkGuard(context, service.inFlightTimeout()));
        ClusterWiring.bind(runtime, context);
        ReverseJob.bind(runtime, context);
        Ec2Job.bind(runtime, context);
    }

    /**
     * The configuration when Camel main runs these beans by itself (a test's {@code @CamelMainTest}): the file named by
     * {@value #CONFIG_PROPERTY} (else the default), whose route properties fill in what the test did not set.
     */
    private static ZonebridgeConfig embeddedConfig(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        ZonebridgeConfig config = ConfigLoader.fromSystemEnvironment()
                .load(Path.of(properties.resolveProperty(CONFIG_PROPERTY).orElse(DEFAULT_CONFIG)));
        RouteProperties.of(config).forEach((key, value) -> {
            if (properties.resolveProperty(key).isEmpty()) {
                properties.addOverrideProperty(key, value);
            }
        });
        return config;
    }
}
