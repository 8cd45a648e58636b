package io.zonebridge.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A hosted zone held by the emulator: its settings and its record sets in Route 53 order. */
public final class HostedZoneData {
    private final String id;
    private final String name;
    private final String callerReference;
    private final String comment;
    private final boolean privateZone;
    private final List<Vpc> vpcs;
    private final List<String> nameServers;
    private final long createdMillis;
    private NavigableMap<RecordSetKey, RecordSetData> records = new TreeMap<>(RecordSetOrder.INSTANCE);
    private String lastChangeId;

    /** A VPC association. */
    public record Vpc(String region, String id) {
    }

    /** Creates a zone with no record sets. */
    public HostedZoneData(String id, String name, String callerReference, String comment, boolean privateZone,
                          List<Vpc> vpcs, List<String> nameServers, long createdMillis) {
        this.id = id;
        this.name = name;
        this.callerReference = callerReference;
        this.comment = comment;
        this.privateZone = privateZone;
        this.vpcs = new ArrayList<>(vpcs);
        this.nameServers = List.copyOf(nameServers);
        this.createdMillis = createdMillis;
    }

    /** Bare zone id, e.g. {@code Z0123...}. */
    public String id() {
        return id;
    }

    /** Canonical zone name with trailing dot. */
    public String name() {
        return name;
    }

    /** The zone name parsed. */
    public DomainName domainName() {
        return DomainName.parse(name);
    }

    public String callerReference() {
        return callerReference;
    }

    public String comment() {
        return comment;
    }

    public boolean privateZone() {
        return privateZone;
    }

    /** Associated VPCs (live list). */
    public List<Vpc> vpcs() {
        return vpcs;
    }

    /** Delegation set name servers without trailing dots. */
    public List<String> nameServers() {
        return nameServers;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** Record sets in Route 53 order (live view). */
    public NavigableMap<RecordSetKey, RecordSetData> records() {
        return records;
    }

    /** A copy of the record sets to validate a batch against. */
    public NavigableMap<RecordSetKey, RecordSetData> copyOfRecords() {
        return new TreeMap<>(records);
    }

    /** Replaces all record sets at once (commit of a validated batch). */
    public void replaceRecords(NavigableMap<RecordSetKey, RecordSetData> newRecords) {
        this.records = newRecords;
    }

    /** Adds record sets (used when loading state). */
    public void putAll(Collection<RecordSetData> sets) {
        sets.forEach(set -> records.put(set.key(), set));
    }

    /** Id of the latest change submitted for this zone, or null. */
    public String lastChangeId() {
        return lastChangeId;
    }

    public void lastChangeId(String changeId) {
        this.lastChangeId = changeId;
    }
}
