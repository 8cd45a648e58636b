package io.zonebridge.local;

import java.util.List;

/**
 * Route 53's checks of a change batch before any record is looked at: the shape of each change (first offender
 * wins, {@code InvalidInput}) and the batch size limits ({@code InvalidChangeBatch}, UPSERT counted twice).
 */
public final class BatchStructureCheck {
    static final int MAX_RECORD_ELEMENTS = 1000;
    static final int MAX_VALUE_CHARACTERS = 32000;

    private BatchStructureCheck() {
    }

    /** Throws the error Route 53 gives for the first ill-shaped change or an over-limit batch. */
    public static void check(List<RequestedChange> changes) {
        changes.forEach(BatchStructureCheck::checkShape);
        checkLimits(changes);
    }

    private static void checkShape(RequestedChange change) {
        RecordSetData set = change.set();
        boolean records = set.ttl() != null && set.values() != null;
        boolean partialRecords = set.ttl() != null || set.values() != null;
        int kinds = (set.isAlias() ? 1 : 0) + (set.trafficPolicyInstanceId() != null ? 1 : 0) + (records ? 1 : 0);
        boolean extra = (set.isAlias() || set.trafficPolicyInstanceId() != null) && partialRecords;
        if (kinds == 0 && !extra) {
            throw invalid("Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or "
                    + "TrafficPolicyInstanceId], but found none", change);
        }
        if (kinds > 1 || extra) {
            throw invalid("Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or "
                    + "TrafficPolicyInstanceId], but found more than one", change);
        }
        if (set.setIdentifier() == null && set.hasRoutingField()) {
            throw invalid("Missing field 'SetIdentifier'", change);
        }
        if (set.setIdentifier() != null && set.routingFieldCount() != 1) {
            throw invalid("Expected exactly one of [Weight, Region, Failover, GeoLocation, or MultiValueAnswer], "
                    + "but found " + (set.routingFieldCount() == 0 ? "none" : "more than one"), change);
        }
    }

    private static ServiceException invalid(String problem, RequestedChange change) {
        RecordSetData set = change.set();
        return ServiceException.invalidInput("Invalid request: " + problem + " in Change with [Action="
                + change.action() + ", Name=" + set.name() + ", Type=" + set.type() + ", SetIdentifier="
                + set.setIdentifier() + "]");
    }

    private static void checkLimits(List<RequestedChange> changes) {
        long elements = 0;
        long characters = 0;
        for (RequestedChange change : changes) {
            int weight = change.action().equals("UPSERT") ? 2 : 1;
            List<String> values = change.set().values();
            elements += (long) weight * (values == null ? 1 : values.size());
            if (values != null) {
                characters += (long) weight * values.stream().mapToInt(String::length).sum();
            }
        }
        if (elements > MAX_RECORD_ELEMENTS) {
            throw invalidBatch("Number of records limit of " + MAX_RECORD_ELEMENTS + " exceeded.");
        }
        if (characters > MAX_VALUE_CHARACTERS) {
            throw invalidBatch("RDATA character limit of " + MAX_VALUE_CHARACTERS + " exceeded.");
        }
    }

    /** An {@code InvalidChangeBatch} error carrying {@code messages} bracketed and comma-separated. */
    static ServiceException invalidBatch(String... messages) {
        return new ServiceException(400, "InvalidChangeBatch", "[" + String.join(", ", messages) + "]");
    }
}
