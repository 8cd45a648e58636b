package io.zonebridge.app.monitoring;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.Producer;
import org.apache.camel.Service;
import org.apache.camel.management.DefaultManagementObjectStrategy;
import org.apache.camel.management.JmxManagementStrategy;
import org.apache.camel.spi.ManagementStrategy;

/**
 * Camel's MBeans at the {@code RoutesOnly} level ({@code camel.main.jmxManagementMBeansLevel}, the container's) as
 * zonebridge documents them: the context, its routes with their exchange statistics, the health checks, components,
 * thread pools and event notifiers, without one MBean per endpoint, consumer, producer or other service. Each of
 * those costs Camel a reflective description of its class at start (~60 of them here: a tenth of the start-up's CPU
 * at Fargate's 0.25 vCPU). At any other level it is Camel's own strategy, unchanged.
 */
public final class RouteLevelMBeans extends DefaultManagementObjectStrategy {

    private final ManagementStrategy management;

    private RouteLevelMBeans(ManagementStrategy management) {
        this.management = management;
    }

    /**
     * Makes this the management object strategy of {@code context} when its management is JMX (before the context
     * starts: Camel makes its own default strategy when it initialises the management, unless one is set).
     */
    public static void install(CamelContext context) {
        if (context.getManagementStrategy() instanceof JmxManagementStrategy jmx
                && !(jmx.getManagementObjectStrategy() instanceof RouteLevelMBeans)) {
            jmx.setManagementObjectStrategy(new RouteLevelMBeans(jmx));
        }
    }

    /** Whether the MBeans Camel registers per endpoint, consumer, producer and service are left out. */
    private boolean routesOnly() {
        return management.getManagementAgent() != null
                && management.getManagementAgent().getMBeansLevel() == ManagementMBeansLevel.RoutesOnly;
    }

    @Override
    public Object getManagedObjectForEndpoint(CamelContext context, Endpoint endpoint) {
        return routesOnly() ? null : super.getManagedObjectForEndpoint(context, endpoint);
    }

    @Override
    public Object getManagedObjectForConsumer(CamelContext context, Consumer consumer) {
        return routesOnly() ? null : super.getManagedObjectForConsumer(context, consumer);
    }

    @Override
    public Object getManagedObjectForProducer(CamelContext context, Producer producer) {
        return routesOnly() ? null : super.getManagedObjectForProducer(context, producer);
    }

    @Override
    public Object getManagedObjectForService(CamelContext context, Service service) {
        return routesOnly() ? null : super.getManagedObjectForService(context, service);
    }
}
