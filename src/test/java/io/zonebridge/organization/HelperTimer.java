package io.zonebridge.organization;

import io.zonebridge.reverse.SharedAccountHelper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stands in for the service's {@code reverse-reconcile-help} route outside the service (tests, benchmarks): a timer
 * that calls {@link SharedAccountHelper#help()} every {@code period}; a failure is handed to {@code failed} and the
 * next tick tries again, as the route does.
 */
public final class HelperTimer {

    private HelperTimer() {
    }

    /** Starts the timer; {@code shutdownNow()} the returned executor stops it (interrupting a read under way). */
    public static ScheduledExecutorService every(Duration period, SharedAccountHelper helper,
                                                 Consumer<RuntimeException> failed) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleWithFixedDelay(() -> {
            try {
                helper.help();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }
}
