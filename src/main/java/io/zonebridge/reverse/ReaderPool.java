package io.zonebridge.reverse;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The daemon threads that read accounts for an organisation reconcile (the leader's {@link OrganizationReconciler}
 * and another replica's {@link SharedAccountHelper}): at most {@code parallelism} of them, never more than there are
 * accounts. Close it when the run is over.
 */
final class ReaderPool implements AutoCloseable {

    private final ExecutorService pool;

    ReaderPool(String threadName, int parallelism, int accounts) {
        pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, accounts)), runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs one task. */
    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** Runs {@code tasks} and waits for all of them; a task that threw fails the run, naming what it was doing. */
    void runAll(List<Callable<Void>> tasks, String doing) throws InterruptedException {
        for (Future<Void> future : pool.invokeAll(tasks)) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(doing + " failed unexpectedly", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
