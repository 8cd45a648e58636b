package io.zonebridge.app.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real Camel context with JMX: which of Camel's MBeans each level registers once zonebridge's strategy is in. */
class RouteLevelMBeansTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @ParameterizedTest
    @EnumSource(value = ManagementMBeansLevel.class, names = {"RoutesOnly", "Default"})
    void routesOnlyKeepsTheContextAndRoutesWithStatisticsAndLeavesOutEndpointsConsumersProducers(
            ManagementMBeansLevel level) throws Exception {
        String name = "mbeans-" + level;
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName(name);
            context.getManagementStrategy().getManagementAgent().setMBeansLevel(level);
            RouteLevelMBeans.install(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").routeId("in").to("seda:out");
                    from("seda:out").routeId("out").to("log:out?level=OFF");
                }
            });
            context.start();
            context.createProducerTemplate().sendBody("direct:in", "hello");

            Set<String> types = new TreeSet<>();
            for (ObjectName mbean : SERVER.queryNames(new ObjectName("org.apache.camel:context=" + name + ",*"), null)) {
                types.add(mbean.getKeyProperty("type"));
            }
            ObjectName in = new ObjectName("org.apache.camel:context=" + name + ",type=routes,name=\"in\"");
            assertTrue(SERVER.isRegistered(in), "route MBean: " + types);
            assertEquals(1L, SERVER.getAttribute(in, "ExchangesTotal"), "the route's exchange statistics");
            assertTrue(types.contains("context") && types.contains("components"), types.toString());
            boolean perEndpoint = types.contains("endpoints") || types.contains("consumers")
                    || types.contains("producers");
            if (level == ManagementMBeansLevel.RoutesOnly) {
                assertFalse(perEndpoint, "no MBean per endpoint, consumer or producer: " + types);
            } else {
                assertTrue(perEndpoint, "every MBean at the Default level: " + types);
            }
        }
    }
}
