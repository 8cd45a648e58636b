package io.zonebridge.sync;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ZoneRunQueue}: run now when idle, merge while busy, one more run for everything merged. */
class ZoneRunQueueTest {

    private final ZoneRunQueue<List<String>> queue = new ZoneRunQueue<>((a, b) ->
            List.copyOf(new TreeSet<>(Stream.concat(a.stream(), b.stream()).toList())));

    @Test
    void workForAnIdleZoneRunsAtOnceOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Optional<Thread> ranOn = queue.submit("z1", List.of("notify"), w -> Thread.currentThread());
        assertEquals(Optional.of(caller), ranOn);
        assertFalse(queue.busy("z1"));
    }

    @Test
    void workArrivingWhileARunIsInFlightIsMergedIntoOneNextRun() throws Exception {
        List<List<String>> runs = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() ->
                queue.submit("z1", List.of("notify"), w -> {
                    runs.add(w);
                    if (runs.size() == 1) {
                        started.countDown();
                        await(release);
                    }
                    return "ran";
                }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        for (String reason : List.of("refresh", "notify", "mirror")) {
            assertEquals(Optional.empty(), queue.submit("z1", List.of(reason), w -> {
                runs.add(w);
                return "ran";
            }), "merged, not run, while busy");
        }
        assertEquals(Optional.of(List.of("mirror", "notify", "refresh")), queue.pending("z1"));
        assertEquals(Optional.of("ran"), queue.submit("z2", List.of("other zone"), w -> "ran"),
                "another zone is not held up");

        release.countDown();
        assertEquals(Optional.of("ran"), first.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(List.of("notify"), List.of("mirror", "notify", "refresh")), runs);
        assertFalse(queue.busy("z1"));
        assertEquals(Optional.empty(), queue.pending("z1"));
    }

    @Test
    void aFailingRunStillRunsWhatWasMergedAndLeavesTheZoneIdle() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> later = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> queue.submit("z1", List.of("a"), w -> {
            if (w.equals(List.of("a"))) {
                started.countDown();
                await(release);
                throw new IllegalStateException("Route 53 down");
            }
            later.add(w);
            return null;
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        queue.submit("z1", List.of("b"), w -> null);
        release.countDown();
        try {
            first.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            assertTrue(expected.getCause() instanceof IllegalStateException);
        }
        assertEquals(List.of(List.of("b")), later);
        assertFalse(queue.busy("z1"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
