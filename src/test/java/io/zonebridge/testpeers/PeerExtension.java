package io.zonebridge.testpeers;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension handing one real peer to test and lifecycle methods as a parameter of the peer's type. The
 * peer starts on first use and lives in the store of the test class ({@link Scope#CLASS}: one per class, stopped
 * after its last test) or of the engine ({@link Scope#SUITE}: one per test run, stopped when the run ends).
 *
 * @param <T> the peer's type
 */
public abstract class PeerExtension<T> implements ParameterResolver {

    /** How long one peer lives. */
    public enum Scope { CLASS, SUITE }

    private static final ExtensionContext.Namespace PEERS = ExtensionContext.Namespace.create(PeerExtension.class);

    private final Class<T> type;
    private final Scope scope;

    protected PeerExtension(Class<T> type, Scope scope) {
        this.type = type;
        this.scope = scope;
    }

    /** Starts the peer; a peer that cannot start is an error (the test fails), never a skip. */
    protected abstract T start() throws Exception;

    /** Stops the peer. */
    protected abstract void stop(T peer) throws Exception;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public T resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return type.cast(owner(context).getStore(PEERS)
                .getOrComputeIfAbsent(getClass(), key -> new Running(startOrFail()), Running.class).peer);
    }

    private ExtensionContext owner(ExtensionContext context) {
        if (scope == Scope.SUITE) {
            return context.getRoot();
        }
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        return owner;
    }

    private T startOrFail() {
        try {
            return start();
        } catch (Exception e) {
            throw new ParameterResolutionException(type.getSimpleName() + " did not start", e);
        }
    }

    /** A started peer in a store; the store closes it. */
    private final class Running implements AutoCloseable {
        private final T peer;

        Running(T peer) {
            this.peer = peer;
        }

        @Override
        public void close() throws Exception {
            stop(peer);
        }
    }
}
