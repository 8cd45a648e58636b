package io.zonebridge.deploy;

import java.util.Objects;

/**
 * An IAM action, {@code service:Operation} (for example {@code route53:ChangeResourceRecordSets}).
 *
 * @param service   the IAM service prefix ({@code route53}, {@code events}, ...)
 * @param operation the API operation name as IAM spells it
 */
public record IamAction(String service, String operation) implements Comparable<IamAction> {

    /** Validates both parts. */
    public IamAction {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        if (!service.matches("[a-z0-9-]+") || !operation.matches("[A-Za-z0-9*]+")) {
            throw new IllegalArgumentException("not an IAM action: " + service + ":" + operation);
        }
    }

    /** Parses {@code service:Operation}. */
    public static IamAction parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not an IAM action (service:Operation): '" + text + "'");
        }
        return new IamAction(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public int compareTo(IamAction other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return service + ":" + operation;
    }
}
