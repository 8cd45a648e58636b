package io.zonebridge.app.monitoring;

import java.util.concurrent.ThreadPoolExecutor;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.management.DefaultManagementObjectStrategy;
import org.apache.camel.management.JmxManagementStrategy;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spi.ManagementObjectStrategy;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.spi.RouteController;

/**
 * Camel's MBeans at the {@code RoutesOnly} level ({@code camel.main.jmxManagementMBeansLevel}, the container's) as
 * zonebridge documents them: the context, its routes with their exchange statistics, the health checks, components,
 * thread pools and event notifiers, without one MBean per endpoint, consumer, producer or other service. Each of
 * those costs Camel a reflective description of its class at start (~60 of them here: a tenth of the start-up's CPU
 * at Fargate's 0.25 vCPU). At any other level every call goes to Camel's own strategy unchanged.
 */
public final class RouteLevelMBeans implements ManagementObjectStrategy {

    private final ManagementObjectStrategy camel;
    private final ManagementStrategy management;

    private RouteLevelMBeans(ManagementObjectStrategy camel, ManagementStrategy management) {
        this.camel = camel;
        this.management = management;
    }

    /**
     * Puts this strategy in front of Camel's in {@code context}, when its management is JMX (before the context
     * starts: Camel makes its own strategy when it initialises the management, unless one is set).
     */
    public static void install(CamelContext context) {
        if (context.getManagementStrategy() instanceof JmxManagementStrategy management
                && !(management.getManagementObjectStrategy() instanceof RouteLevelMBeans)) {
            ManagementObjectStrategy camel = management.getManagementObjectStrategy();
            management.setManagementObjectStrategy(new RouteLevelMBeans(
                    camel != null ? camel : new DefaultManagementObjectStrategy(), management));
        }
    }

    /** Whether the MBeans Camel registers per endpoint, consumer, producer and service are left out. */
    private boolean routesOnly() {
        return management.getManagementAgent() != null
                && management.getManagementAgent().getMBeansLevel() == ManagementMBeansLevel.RoutesOnly;
    }

    @Override
    public Object getManagedObjectForEndpoint(CamelContext context, Endpoint endpoint) {
        return routesOnly() ? null : camel.getManagedObjectForEndpoint(context, endpoint);
    }

    @Override
    public Object getManagedObjectForConsumer(CamelContext context, Consumer consumer) {
        return routesOnly() ? null : camel.getManagedObjectForConsumer(context, consumer);
    }

    @Override
    public Object getManagedObjectForProducer(CamelContext context, Producer producer) {
        return routesOnly() ? null : camel.getManagedObjectForProducer(context, producer);
    }

    @Override
    public Object getManagedObjectForService(CamelContext context, Service service) {
        return routesOnly() ? null : camel.getManagedObjectForService(context, service);
    }

    @Override
    public Object getManagedObjectForCamelContext(CamelContext context) {
        return camel.getManagedObjectForCamelContext(context);
    }

    @Override
    public Object getManagedObjectForCamelHealth(CamelContext context, HealthCheckRegistry healthCheckRegistry) {
        return camel.getManagedObjectForCamelHealth(context, healthCheckRegistry);
    }

    @Override
    public Object getManagedObjectForComponent(CamelContext context, Component component, String name) {
        return camel.getManagedObjectForComponent(context, component, name);
    }

    @Override
    public Object getManagedObjectForDataFormat(CamelContext context, DataFormat dataFormat) {
        return camel.getManagedObjectForDataFormat(context, dataFormat);
    }

    @Override
    public Object getManagedObjectForRouteController(CamelContext context, RouteController routeController) {
        return camel.getManagedObjectForRouteController(context, routeController);
    }

    @Override
    public Object getManagedObjectForRoute(CamelContext context, Route route) {
        return camel.getManagedObjectForRoute(context, route);
    }

    @Override
    public Object getManagedObjectForRouteGroup(CamelContext context, String group) {
        return camel.getManagedObjectForRouteGroup(context, group);
    }

    @Override
    public Object getManagedObjectForProcessor(CamelContext context, Processor processor, NamedNode definition,
            Route route) {
        return camel.getManagedObjectForProcessor(context, processor, definition, route);
    }

    @Override
    public Object getManagedObjectForClusterService(CamelContext context, CamelClusterService service) {
        return camel.getManagedObjectForClusterService(context, service);
    }

    @Override
    public Object getManagedObjectForThreadPool(CamelContext context, ThreadPoolExecutor threadPool, String id,
            String sourceId, String routeId, String threadPoolProfileId) {
        return camel.getManagedObjectForThreadPool(context, threadPool, id, sourceId, routeId, threadPoolProfileId);
    }

    @Override
    public Object getManagedObjectForEventNotifier(CamelContext context, EventNotifier eventNotifier) {
        return camel.getManagedObjectForEventNotifier(context, eventNotifier);
    }
}
