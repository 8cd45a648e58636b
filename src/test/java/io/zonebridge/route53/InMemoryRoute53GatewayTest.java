package io.zonebridge.route53;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory test double refuses what Route 53 refuses, atomically per batch, and bisects like the SDK gateway. */
class InMemoryRoute53GatewayTest {

    private static final String O = "mem.example.org.";

    private final InMemoryRoute53Gateway gateway = new InMemoryRoute53Gateway();
    private final HostedZoneRef zone = gateway.createZone("Mem.Example.org", false);

    private ApplyResult apply(Change... changes) {
        return gateway.apply(zone, List.of(new ChangeBatch(List.of(changes), changes.length, 0)), false);
    }

    private String onlyFailure(ApplyResult result) {
        assertEquals(1, result.failures().size(), result.failures().toString());
        return result.failures().get(0).message();
    }

    @Test
    void newZoneHasApexNsAndSoaAndIsListed() {
        ZoneSnapshot snapshot = gateway.readZone(zone);
        assertEquals(O, zone.name());
        assertEquals(2, snapshot.size());
        assertEquals(4, snapshot.get(RecordKey.of(O, "NS")).orElseThrow().values().size());
        assertEquals(1L, snapshot.serial().orElseThrow());
        assertEquals(List.of(new HostedZoneRef(zone.id(), O, false, 2)), gateway.listHostedZones());
    }

    @Test
    void deleteMustMatchTheCurrentSetExactly() {
        RecordSet current = RecordSet.of("a." + O, "A", 300, "192.0.2.1", "192.0.2.2");
        gateway.seed(zone, current);

        assertEquals("[Tried to delete resource record set [name='a." + O + "', type='A'] but the values provided do not match the current values]",
                onlyFailure(apply(new Change.Delete(RecordSet.of("a." + O, "A", 300, "192.0.2.1")))));
        assertEquals("[Tried to delete resource record set [name='a." + O + "', type='A'] but the values provided do not match the current values]",
                onlyFailure(apply(new Change.Delete(current.withTtl(60)))));
        assertEquals("[Tried to delete resource record set [name='b." + O + "', type='A'] but it was not found]",
                onlyFailure(apply(new Change.Delete(RecordSet.of("b." + O, "A", 300, "192.0.2.1")))));
        assertTrue(gateway.readZone(zone).get(current.key()).isPresent(), "refused deletes left it");

        assertTrue(apply(new Change.Delete(current)).isComplete());
        assertFalse(gateway.readZone(zone).get(current.key()).isPresent());
    }

    @Test
    void createOfAnExistingSetIsRefusedButUpsertReplaces() {
        gateway.seed(zone, RecordSet.of("c." + O, "TXT", 300, "\"one\""));

        assertEquals("[Tried to create resource record set [name='c." + O + "', type='TXT'] but it already exists]",
                onlyFailure(apply(new Change.Create(RecordSet.of("c." + O, "TXT", 300, "\"two\"")))));

        RecordSet replaced = RecordSet.of("c." + O, "TXT", 60, "\"two\"");
        assertTrue(apply(new Change.Update(RecordSet.of("c." + O, "TXT", 300, "\"one\""), replaced)).isComplete());
        assertEquals(replaced, gateway.readZone(zone).get(replaced.key()).orElseThrow());
    }

    @Test
    void aRefusedGroupChangesNothingAndOtherGroupsStillApply() {
        RecordSet keep = RecordSet.of("x." + O, "A", 300, "192.0.2.5");
        gateway.seed(zone, keep);

        ApplyResult result = apply(
                new Change.Create(RecordSet.of("p." + O, "A", 300, "192.0.2.7")),
                new Change.Delete(keep),
                new Change.Create(RecordSet.of("x." + O, "A", 300, "192.0.2.6")),
                new Change.Create(RecordSet.of("x." + O, "AAAA", 300, "2001:db8::1")),
                new Change.Create(RecordSet.of("x." + O, "AAAA", 300, "2001:db8::2")),
                new Change.Create(RecordSet.of("q." + O, "A", 300, "192.0.2.8")));

        assertEquals(List.of(new ApplyResult.FailedGroup("x." + O, 4,
                "[Tried to create resource record set [name='x." + O + "', type='AAAA'] but it already exists]")), result.failures());
        assertEquals(2, result.appliedChanges());
        ZoneSnapshot snapshot = gateway.readZone(zone);
        assertEquals(keep, snapshot.get(keep.key()).orElseThrow(), "the failed group's delete was not applied");
        assertTrue(snapshot.get(RecordKey.of("p." + O, "A")).isPresent());
        assertTrue(snapshot.get(RecordKey.of("q." + O, "A")).isPresent());
        assertEquals(5, gateway.changeRequests(), "whole batch (refused), [p], [x, q] (refused), [x] (refused), [q]");
    }

    @Test
    void refusesApexSoaAndNsDeletesNamesOutsideTheZoneAndCnameConflicts() {
        ZoneSnapshot snapshot = gateway.readZone(zone);
        assertEquals("[A HostedZone must contain exactly one SOA record.]",
                onlyFailure(apply(new Change.Delete(snapshot.soa().orElseThrow()))));
        assertEquals("[A HostedZone must contain at least one NS record for the zone itself.]",
                onlyFailure(apply(new Change.Delete(snapshot.get(RecordKey.of(O, "NS")).orElseThrow()))));
        assertEquals("[RRSet with DNS name www.other.org. is not permitted in zone " + O + "]",
                onlyFailure(apply(new Change.Create(RecordSet.of("www.other.org.", "A", 60, "192.0.2.1")))));
        assertEquals("[RRSet of type CNAME with DNS name " + O + " is not permitted at apex in zone " + O + "]",
                onlyFailure(apply(new Change.Create(RecordSet.of(O, "CNAME", 60, "elsewhere.example.net.")))));
        gateway.seed(zone, RecordSet.of("alias." + O, "CNAME", 60, "target.example.net."));
        assertEquals("[RRSet of type TXT with DNS name alias." + O
                        + " is not permitted because a conflicting RRSet of type  CNAME with the same DNS name already exists in zone " + O + "]",
                onlyFailure(apply(new Change.Create(RecordSet.of("alias." + O, "TXT", 60, "\"t\"")))));
        assertEquals(3, gateway.readZone(zone).size());
    }

    @Test
    void unknownZoneIsAClearError() {
        HostedZoneRef missing = new HostedZoneRef("ZNOPE", "nope.example.", false, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gateway.readZone(missing));
        assertEquals("No hosted zone found with ID: ZNOPE", e.getMessage());
    }
}
