package io.zonebridge.plan;

import io.zonebridge.model.RecordSet;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.zonebridge.plan.TestRecords.alias;
import static io.zonebridge.plan.TestRecords.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeBatcherTest {

    private final ChangeBatcher route53 = new ChangeBatcher(BatchLimits.ROUTE53);

    private static Plan plan(List<Change> changes) {
        return new Plan(TestRecords.ORIGIN, 0, changes);
    }

    @Test
    void emptyPlanHasNoBatches() {
        assertEquals(List.of(), route53.batches(plan(List.of())));
    }

    @Test
    void countsValuesOnceForCreateAndDeleteAndTwiceForUpsert() {
        RecordSet mx = set("mail", "MX", 300, "10 mx1.example.com.", "20 mx2.example.com.");   // 2 values, 19+19 chars
        RecordSet txt = set("txt", "TXT", 300, "\"abc\"");                                       // 1 value, 5 chars
        RecordSet a = set("a", "A", 300, "192.0.2.1");                                             // 1 value, 9 chars
        List<ChangeBatch> batches = route53.batches(plan(List.of(
                new Change.Create(mx), new Change.Update(txt, txt.withTtl(60)), new Change.Delete(a))));
        assertEquals(1, batches.size());
        assertEquals(2 + 2 + 1, batches.get(0).elementCount());
        assertEquals(38 + 10 + 9, batches.get(0).characterCount());
    }

    @Test
    void aliasCountsOneElementAndItsTargetName() {
        RecordSet alias = alias("www", "A", "lb.example.net.");
        ChangeBatch batch = route53.batches(plan(List.of(new Change.Create(alias)))).get(0);
        assertEquals(1, batch.elementCount());
        assertEquals("lb.example.net.".length(), batch.characterCount());
    }

    @Test
    void cnameToAStaysInOneBatchDeleteFirst() {
        RecordSet cname = set("www", "CNAME", 300, "lb.example.net.");
        RecordSet a = set("www", "A", 300, "192.0.2.1");
        String[] many = new String[999];
        for (int i = 0; i < many.length; i++) {
            many[i] = "\"" + i + "\"";
        }
        RecordSet filler = set("a", "TXT", 300, many);   // 999 elements: the www group no longer fits
        // the plan lists the create first (not sorted); the batcher still puts the delete first
        List<ChangeBatch> batches = route53.batches(plan(List.of(
                new Change.Create(filler), new Change.Create(a), new Change.Delete(cname))));
        assertEquals(2, batches.size());
        assertEquals(List.of(new Change.Delete(cname), new Change.Create(a)), batches.get(1).changes());
    }

    @Test
    void fillsGreedilyUpToExactlyTheElementLimit() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            changes.add(new Change.Create(set(String.format("h%05d", i), "A", 300, "10.0.0.1")));
        }
        List<ChangeBatch> batches = route53.batches(plan(changes));
        assertEquals(List.of(1000, 1000, 500), batches.stream().map(ChangeBatch::elementCount).toList());
        assertEquals(changes, batches.stream().flatMap(b -> b.changes().stream()).toList());
    }

    @Test
    void startsANewBatchAtTheCharacterLimit() {
        String longTxt = "\"" + "x".repeat(3998) + "\"";   // 4,000 characters
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            changes.add(new Change.Create(set("t" + i, "TXT", 300, longTxt)));
        }
        List<ChangeBatch> batches = route53.batches(plan(changes));
        assertEquals(List.of(32000, 4000), batches.stream().map(ChangeBatch::characterCount).toList());
        assertEquals(List.of(8, 1), batches.stream().map(b -> b.changes().size()).toList());
    }

    @Test
    void aNameGroupOverTheElementLimitIsAnErrorNamingIt() {
        String[] values = new String[501];
        for (int i = 0; i < values.length; i++) {
            values[i] = "10.0." + (i / 256) + "." + (i % 256);
        }
        RecordSet big = set("big", "A", 300, values);
        BatchLimitException e = assertThrows(BatchLimitException.class,
                () -> route53.batches(plan(List.of(new Change.Update(big.withTtl(60), big)))));
        assertEquals("big.example.com.", e.name());
        assertEquals("the changes of record name big.example.com. need 1002 ResourceRecord elements, more than the"
                + " limit of 1000 per ChangeResourceRecordSets request", e.getMessage());
    }

    @Test
    void aNameGroupOverTheCharacterLimitIsAnErrorNamingIt() {
        String[] values = new String[9];
        for (int i = 0; i < values.length; i++) {
            values[i] = "\"" + i + "z".repeat(3597) + "\"";   // 3,600 characters each
        }
        RecordSet txt = set("long", "TXT", 300, values);
        BatchLimitException e = assertThrows(BatchLimitException.class,
                () -> route53.batches(plan(List.of(new Change.Create(txt)))));
        assertEquals("the changes of record name long.example.com. need 32400 value characters, more than the"
                + " limit of 32000 per ChangeResourceRecordSets request", e.getMessage());
    }

    @Test
    void batchesTenThousandChangesQuickly() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            RecordSet set = set(String.format("h%05d", i), "A", 300, "10.0." + (i / 256 % 256) + "." + (i % 256));
            changes.add(i % 3 == 0 ? new Change.Update(set.withTtl(60), set)
                    : i % 3 == 1 ? new Change.Create(set) : new Change.Delete(set));
        }
        List<ChangeBatch> batches = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> route53.batches(plan(changes)));
        assertEquals(10_000, batches.stream().mapToInt(b -> b.changes().size()).sum());
        assertTrue(batches.stream().allMatch(b -> b.elementCount() <= 1000 && b.characterCount() <= 32000));
    }
}
