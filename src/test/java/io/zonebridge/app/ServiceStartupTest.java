package io.zonebridge.app;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The service starts from config/application.properties, loads the YAML routes and registers its JMX MBeans. */
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", useJmx = true)
class ServiceStartupTest {

    @BeanInject
    CamelContext context;

    @Test
    void loadsYamlRoutesFromTheRoutesDirectory() {
        assertNotNull(context.getRoute("heartbeat"), "heartbeat route from routes/heartbeat.camel.yaml");
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("heartbeat"));
    }

    @Test
    void registersCamelMBeans() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);
        assertFalse(names.isEmpty(), "route MBeans registered over JMX");
    }
}
