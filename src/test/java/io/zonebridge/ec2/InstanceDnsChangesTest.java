package io.zonebridge.ec2;

import io.zonebridge.model.RecordSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceDnsChangesTest {

    private static final RecordSet OLD = RecordSet.of("web.example.com.", "A", 300, "10.0.0.1");
    private static final RecordSet NEW = RecordSet.of("web.example.com.", "A", 300, "10.0.0.2");
    private static final RecordSet OTHER = RecordSet.of("db.example.com.", "A", 300, "10.0.0.3");
    private static final AddressName PTR = new AddressName("10.0.0.2", "web.example.com.");

    private static InstanceDnsChanges upsert(RecordSet set, AddressName ptr) {
        return new InstanceDnsChanges(Map.of("Z1", List.of(set)), Map.of(), List.of(ptr), List.of(), List.of(), List.of(), false);
    }

    private static InstanceDnsChanges delete(RecordSet set, AddressName ptr) {
        return new InstanceDnsChanges(Map.of(), Map.of("Z1", List.of(set)), List.of(), List.of(ptr), List.of(), List.of(), false);
    }

    @Test
    void anUpsertWinsOverADeleteOfTheSameRecordInEitherOrder() {
        InstanceDnsChanges expected = new InstanceDnsChanges(Map.of("Z1", List.of(NEW)), Map.of("Z1", List.of(OTHER)),
                List.of(PTR), List.of(), List.of(), List.of(), false);
        assertEquals(expected, InstanceDnsChanges.merge(List.of(delete(OLD, PTR), upsert(NEW, PTR), delete(OTHER, PTR))));
        assertEquals(expected, InstanceDnsChanges.merge(List.of(upsert(NEW, PTR), delete(OLD, PTR), delete(OTHER, PTR))));
    }

    @Test
    void theLastUpsertOfARecordWins() {
        InstanceDnsChanges merged = InstanceDnsChanges.merge(List.of(upsert(OLD, PTR), upsert(NEW, PTR)));
        assertEquals(Map.of("Z1", List.of(NEW)), merged.upserts());
        assertEquals(List.of(PTR), merged.ptrUpserts());
    }

    @Test
    void staleOnlyWhenEveryPartWas() {
        assertTrue(InstanceDnsChanges.merge(List.of(InstanceDnsChanges.stale(), InstanceDnsChanges.stale())).staleEvent());
        assertFalse(InstanceDnsChanges.merge(List.of(InstanceDnsChanges.stale(), InstanceDnsChanges.none())).staleEvent());
        InstanceDnsChanges empty = InstanceDnsChanges.merge(List.of());
        assertTrue(empty.isEmpty() && !empty.staleEvent());
    }
}
