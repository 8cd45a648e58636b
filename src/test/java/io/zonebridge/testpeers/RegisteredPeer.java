package io.zonebridge.testpeers;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension for a peer a test class configures itself, registered with {@code @RegisterExtension}: on a
 * static field the peer starts before the class's {@code @BeforeAll} methods and stops after its last test; on an
 * instance field it starts before each test and stops after it. The test reaches it with {@link #get()}. A peer
 * that cannot start fails the class or test, never skips it.
 *
 * @param <T> the peer's type
 */
public abstract class RegisteredPeer<T extends AutoCloseable>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private T peer;
    /** The unique id of the class or test whose start started the peer; its end stops it. */
    private String owner;

    /** How a peer starts. */
    @FunctionalInterface
    public interface Starter<T> {
        T start() throws Exception;
    }

    /** An extension for the peer {@code starter} starts. */
    public static <T extends AutoCloseable> RegisteredPeer<T> of(Starter<T> starter) {
        return new RegisteredPeer<>() {
            @Override
            protected T start() throws Exception {
                return starter.start();
            }
        };
    }

    /** Starts the peer. */
    protected abstract T start() throws Exception;

    /** The running peer. */
    public T get() {
        if (peer == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not running (register it with "
                    + "@RegisterExtension; it runs from before the class's or test's first method)");
        }
        return peer;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        startFor(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        stopFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopFor(context);
    }

    /** Starts the peer unless it runs already (for the class, or for an enclosing class of a nested one). */
    private void startFor(ExtensionContext context) throws Exception {
        if (peer == null) {
            peer = start();
            owner = context.getUniqueId();
        }
    }

    private void stopFor(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(owner)) {
            stop();
        }
    }

    private void stop() throws Exception {
        T running = peer;
        peer = null;
        owner = null;
        if (running != null) {
            running.close();
        }
    }
}
