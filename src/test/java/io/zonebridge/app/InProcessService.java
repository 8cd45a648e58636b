package io.zonebridge.app;

import java.time.Duration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;

/**
 * The service as {@code zonebridge run} starts it (routes from routes/, properties from config/application.properties,
 * the management server on a free loopback port), in this JVM on its own thread, so a test can stop it and start a
 * new one: nothing of the stopped run's memory survives.
 */
public final class InProcessService implements AutoCloseable {

    private final Main main;
    private final Thread thread;

    private static boolean started(Main main) {
        CamelContext context = main.getCamelContext();
        return context != null && context.getStatus() == ServiceStatus.Started;
    }

    private InProcessService(Main main, Thread thread) {
        this.main = main;
        this.thread = thread;
    }

    /** Starts the service with {@code config} and these override properties; returns once Camel has started. */
    public static InProcessService start(Path config, Map<String, String> properties) throws InterruptedException {
        Main main = new ZonebridgeApplication(Path.of("config/application.properties"), Optional.of(config)).createMain();
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            main.addOverrideProperty("camel.management.port", Integer.toString(free.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the management server", e);
        }
        properties.forEach(main::addOverrideProperty);
        Thread thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "zonebridge-service");
        thread.setDaemon(true);
        thread.start();
        Eventually.assertWithin(Duration.ofSeconds(120), () -> started(main) || !thread.isAlive(),
                () -> "the service did not start");
        if (started(main)) {
            return new InProcessService(main, thread);
        }
        throw new IllegalStateException("the service did not start");
    }

    /** The running service's bean {@code name}. */
    public <T> T bean(String name, Class<T> type) {
        return main.getCamelContext().getRegistry().lookupByNameAndType(name, type);
    }

    /** Stops the service and waits until it is gone (its in-memory state with it). */
    @Override
    public void close() throws InterruptedException {
        main.completed();
        thread.join(60_000);
        if (thread.isAlive()) {
            throw new IllegalStateException("the service did not stop");
        }
    }
}
