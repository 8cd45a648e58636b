package io.zonebridge.reverse;

/**
 * Something an organisation reconcile could not do; the rest of the run went on.
 *
 * @param account the account concerned
 * @param scope   what failed: {@code list hosted zones}, {@code read zone <name> (<id>)}, {@code apply <zone>}, ...
 * @param message the error, with Route 53's message when it gave one
 */
public record ReconcileFailure(String account, String scope, String message) {

    @Override
    public String toString() {
        return account + ": " + scope + ": " + message;
    }
}
