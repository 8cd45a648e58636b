package io.zonebridge.docs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which id of a run each id shown in the document stands for, one to one and for the whole example: once
 * {@code vpc-75024a457bfc07a66} of the document has matched {@code vpc-0d1e...} of the run, it matches only that
 * one, and no other id of the document may match it.
 */
final class IdBindings {
    private final Map<String, String> documentToRun;

    private IdBindings(Map<String, String> documentToRun) {
        this.documentToRun = documentToRun;
    }

    /** No id bound yet. */
    static IdBindings none() {
        return new IdBindings(Map.of());
    }

    /** These bindings plus {@code documented} → {@code actual}, or empty when that contradicts one of them. */
    Optional<IdBindings> bind(String documented, String actual) {
        String bound = documentToRun.get(documented);
        if (bound != null) {
            return bound.equals(actual) ? Optional.of(this) : Optional.empty();
        }
        if (documentToRun.containsValue(actual)) {
            return Optional.empty();
        }
        Map<String, String> more = new HashMap<>(documentToRun);
        more.put(documented, actual);
        return Optional.of(new IdBindings(Map.copyOf(more)));
    }

    @Override
    public String toString() {
        return documentToRun.toString();
    }
}
