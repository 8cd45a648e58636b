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

    /** Starts the peer unless it runs already (for the class, or for an enclosing class of a nested one). */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (peer == null) {
            peer = start();
            owner = context.getUniqueId();
        }
    }

    /** Starts the peer of an instance field for the test; a static field's runs already. */
    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        beforeAll(context);
    }

    /** Stops the peer when the class or test that started it ends. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getUniqueId().equals(owner)) {
            stop();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        afterAll(context);
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
