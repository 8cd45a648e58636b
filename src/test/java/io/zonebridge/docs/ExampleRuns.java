package io.zonebridge.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Examples running side by side, each in its own {@link ExampleShell} run, started at once (at most
 * {@code parallel} at a time); each example's test waits for its own run and fails as that run did. The examples
 * share nothing: each has its own scratch checkout, ports and session of processes.
 */
final class ExampleRuns implements AutoCloseable {
    private final ExecutorService pool;
    private final Map<DocExample, Future<Long>> runs = new LinkedHashMap<>();

    private ExampleRuns(ExecutorService pool) {
        this.pool = pool;
    }

    /** Starts every example of {@code examples} in document order, {@code parallel} at a time. */
    static ExampleRuns start(ExampleShell shell, List<DocExample> examples, int parallel) {
        ExampleRuns started = new ExampleRuns(Executors.newFixedThreadPool(Math.max(1, parallel), task -> {
            Thread thread = new Thread(task, "docs-check-example");
            thread.setDaemon(true);
            return thread;
        }));
        for (DocExample example : examples) {
            started.runs.put(example, started.pool.submit(() -> {
                long begun = System.nanoTime();
                shell.run(example);
                return System.nanoTime() - begun;
            }));
        }
        return started;
    }

    /** Waits for {@code example}'s run; its failure, as thrown by the run, fails the caller. */
    void await(DocExample example) throws Exception {
        try {
            long took = runs.get(example).get();
            System.out.printf("docs check: %s ran as documented in %d s%n", example.id(),
                    TimeUnit.NANOSECONDS.toSeconds(took));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Stops the runs still going (after a failure of the test engine) and the threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
