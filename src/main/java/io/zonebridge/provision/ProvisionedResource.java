package io.zonebridge.provision;

import java.util.Locale;
import java.util.Objects;

/**
 * What provisioning did to one resource.
 *
 * @param outcome what happened
 * @param kind    the kind of resource ({@code queue}, {@code rule}, {@code target}, ...)
 * @param name    its name or ARN
 * @param detail  a short note (what differed, why skipped), or empty
 */
public record ProvisionedResource(Outcome outcome, String kind, String name, String detail) {

    /** What happened to a resource. */
    public enum Outcome {
        /** It did not exist and was created. */
        CREATED,
        /** It existed but differed, and was changed. */
        UPDATED,
        /** It existed as wanted: nothing was changed. */
        EXISTS,
        /** It was not made (the note says why). */
        SKIPPED
    }

    public ProvisionedResource {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }

    /** One line for the operator: {@code created  queue  zonebridge-reverse}. */
    public String line() {
        String text = String.format("%-8s %-13s %s", outcome.name().toLowerCase(Locale.ROOT), kind, name);
        return detail.isEmpty() ? text : text + "  (" + detail + ")";
    }
}
