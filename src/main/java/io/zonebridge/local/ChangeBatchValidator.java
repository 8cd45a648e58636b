package io.zonebridge.local;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * Applies a change batch to a copy of a zone's record sets, change by change against the state the earlier
 * changes leave, collecting every message; the copy is returned only if all changes are valid, otherwise one
 * {@code InvalidChangeBatch} error carries all messages and the zone is untouched.
 */
public final class ChangeBatchValidator {
    static final int MAX_RECORD_SETS = 10000;

    private ChangeBatchValidator() {
    }

    /** The zone's record sets after the batch, or the {@code InvalidChangeBatch} error. */
    public static NavigableMap<RecordSetKey, RecordSetData> apply(HostedZoneData zone, List<RequestedChange> changes) {
        BatchStructureCheck.check(changes);
        NavigableMap<RecordSetKey, RecordSetData> working = zone.copyOfRecords();
        DomainName zoneName = zone.domainName();
        List<String> messages = new ArrayList<>();
        for (RequestedChange change : changes) {
            String problem = applyOne(zone, zoneName, change, working);
            if (problem != null) {
                messages.add(problem);
            }
        }
        if (messages.isEmpty() && working.size() > MAX_RECORD_SETS) {
            messages.add("Exceeded limit MAX_RRSETS_BY_ZONE for zone: " + zone.id());
        }
        if (!messages.isEmpty()) {
            throw BatchStructureCheck.invalidBatch(messages.toArray(String[]::new));
        }
        return working;
    }

    private static String applyOne(HostedZoneData zone, DomainName zoneName, RequestedChange change,
                                   NavigableMap<RecordSetKey, RecordSetData> working) {
        DomainName name;
        RecordSetData set;
        try {
            name = DomainName.parse(change.set().name());
            set = normalised(change.set(), name);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String z = zoneName.canonical();
        if (!name.isWithin(zoneName)) {
            return "RRSet with DNS name " + name.canonical() + " is not permitted in zone " + z;
        }
        if (!set.isAlias() && set.values() != null) {
            List<String> valueProblems = RecordValueValidator.problems(set.name(), set.type(), set.values());
            if (!valueProblems.isEmpty()) {
                return String.join(", ", valueProblems);
            }
        }
        RecordSetData existing = working.get(set.key());
        String what = "resource record set [name='" + set.name() + "', type='" + set.type() + "'"
                + (set.setIdentifier() == null ? "" : ", set-identifier='" + set.setIdentifier() + "'") + "]";
        boolean apex = name.equals(zoneName);
        switch (change.action()) {
            case "DELETE" -> {
                if (existing == null) {
                    return "Tried to delete " + what + " but it was not found";
                }
                if (apex && set.type().equals("SOA")) {
                    return "A HostedZone must contain exactly one SOA record.";
                }
                if (apex && set.type().equals("NS")) {
                    return "A HostedZone must contain at least one NS record for the zone itself.";
                }
                if (!existing.matchesForDelete(set)) {
                    return "Tried to delete " + what + " but the values provided do not match the current values";
                }
                working.remove(set.key());
                return null;
            }
            case "CREATE" -> {
                if (existing != null) {
                    return "Tried to create " + what + " but it already exists";
                }
            }
            default -> { }
        }
        String problem = set.isAlias() ? aliasProblem(zone, zoneName, set, working) : null;
        if (problem == null) {
            problem = RecordSetConflicts.problem(set, working, zoneName);
        }
        if (problem == null) {
            working.put(set.key(), set);
        }
        return problem;
    }

    private static RecordSetData normalised(RecordSetData requested, DomainName name) {
        RecordSetData.Alias alias = requested.aliasTarget();
        RecordSetData set = requested.withName(name.canonical());
        if (alias == null) {
            return set;
        }
        RecordSetData.Alias canonicalAlias = new RecordSetData.Alias(alias.hostedZoneId(),
                DomainName.parse(alias.dnsName()).canonical(), alias.evaluateTargetHealth());
        return new RecordSetData(set.name(), set.type(), set.setIdentifier(), set.weight(), set.region(),
                set.geoLocation(), set.failover(), set.multiValueAnswer(), set.ttl(), set.values(), canonicalAlias,
                set.healthCheckId(), set.trafficPolicyInstanceId(), set.cidrRouting());
    }

    private static String aliasProblem(HostedZoneData zone, DomainName zoneName, RecordSetData set,
                                       NavigableMap<RecordSetKey, RecordSetData> working) {
        if (set.type().equals("NS") || set.type().equals("SOA")) {
            return "Alias RRSet of type " + set.type() + " with DNS name " + set.name() + " is not permitted";
        }
        if (Boolean.TRUE.equals(set.multiValueAnswer())) {
            return "Alias RRSet with DNS name " + set.name() + " cannot be a multivalue answer RRSet";
        }
        String targetZone = set.aliasTarget().hostedZoneId();
        if (!targetZone.substring(targetZone.lastIndexOf('/') + 1).equals(zone.id())) {
            return null;
        }
        String target = set.aliasTarget().dnsName();
        if (!DomainName.parse(target).isWithin(zoneName)) {
            return "Tried to create an alias that targets " + target + ", type " + set.type() + " in zone "
                    + zone.id() + ", but the alias target name does not lie within the target zone";
        }
        boolean found = RecordSetConflicts.sameName(working, target).values().stream()
                .anyMatch(candidate -> candidate.type().equals(set.type()));
        return found ? null : "Tried to create an alias that targets " + target + ", type " + set.type()
                + " in zone " + zone.id() + ", but that target was not found";
    }
}
