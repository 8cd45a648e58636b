package io.zonebridge.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Test helper: waits until a condition holds or a value equals the expected one, failing with what did not happen
 * when time runs out.
 */
public final class Eventually {

    private Eventually() {
    }

    static <T> void assertEqualsWithin(Duration limit, Supplier<T> expected, Supplier<T> actual, String what)
            throws InterruptedException {
        List<T> last = new ArrayList<>(Arrays.asList(null, null)); // expected, actual: as last compared
        boolean equal = holdsWithin(limit, () -> {
            last.set(0, expected.get());
            try {
                last.set(1, actual.get());
            } catch (RuntimeException e) {
                last.set(1, null);
            }
            return Objects.equals(last.get(0), last.get(1));
        });
        if (!equal) {
            throw new AssertionError(what + " within " + limit + "\nexpected: " + last.get(0) + "\nactual:   "
                    + last.get(1));
        }
    }

    public static void assertWithin(Duration limit, Supplier<Boolean> condition, Supplier<String> what)
            throws InterruptedException {
        if (!holdsWithin(limit, condition)) {
            throw new AssertionError(what.get() + " (waited " + limit + ")");
        }
    }

    /** Waits until {@code condition} holds; whether it did within {@code limit}. The suite's one polling loop. */
    public static boolean holdsWithin(Duration limit, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
