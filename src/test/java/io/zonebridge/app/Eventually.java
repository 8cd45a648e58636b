package io.zonebridge.app;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Test helper: waits until a value equals the expected one, failing with both when time runs out. */
public final class Eventually {

    private Eventually() {
    }

    static <T> void assertEqualsWithin(Duration limit, Supplier<T> expected, Supplier<T> actual, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T want = null;
        T got = null;
        while (System.nanoTime() < deadline) {
            want = expected.get();
            try {
                got = actual.get();
            } catch (RuntimeException e) {
                got = null;
            }
            if (Objects.equals(want, got)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " within " + limit + "\nexpected: " + want + "\nactual:   " + got);
    }

    public static void assertWithin(Duration limit, Supplier<Boolean> condition, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what.get() + " (waited " + limit + ")");
    }
}
