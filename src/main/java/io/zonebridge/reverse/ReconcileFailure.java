package io.zonebridge.reverse;

/**
 * Something an organisation reconcile could not do; the rest of the run went on.
 *
 * @param account the account concerned
 * @param scope   what failed: {@code list hosted zones}, {@code read zone <name> (<id>)}, {@code apply <zone>}, ...
 * @param message the error, with Route 53's message when it gave one
 */
public record ReconcileFailure(String account, String scope, String message) {

    /** The failure {@code e} of {@code scope} in {@code account} (its message, or its class when it has none). */
    public static ReconcileFailure of(String account, String scope, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ReconcileFailure(account, scope, message);
    }

    @Override
    public String toString() {
        return account + ": " + scope + ": " + message;
    }
}
