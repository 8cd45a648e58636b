package io.zonebridge.ownership;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.reverse.AccountForward;
import io.zonebridge.reverse.ReconcileFailure;
import io.zonebridge.reverse.SharedAccountReads;
import io.zonebridge.route53.ApiCallStats;
import io.zonebridge.secondary.MutableClock;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board of a shared organisation reconcile on DynamoDB Local: claims, lapses, reads in parts, closing. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbSharedAccountReadsTest {

    private static final String TABLE = "board";
    private static DynamoDbClient dynamo;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeAll
    static void table(DynamoDbLocal local) {
        dynamo = local.client();
        OnDemandTable.ensure(dynamo, TABLE, table -> table
                .attributeDefinitions(d -> d.attributeName("key").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("key").keyType(KeyType.HASH)));
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    private DynamoDbSharedAccountReads board(String replica) {
        return new DynamoDbSharedAccountReads(dynamo, TABLE, replica, Duration.ofSeconds(30), clock);
    }

    @Test
    void aClaimIsExclusiveUntilItLapsesAndRenewalKeepsIt() {
        DynamoDbSharedAccountReads leader = board("a");
        DynamoDbSharedAccountReads helper = board("b");
        String run = leader.open(List.of("111", "222"));
        assertEquals(new SharedAccountReads.SharedRun(run, "a", List.of("111", "222")), helper.openRun().orElseThrow());

        assertTrue(helper.claim(run, "111"));
        assertFalse(leader.claim(run, "111"), "claimed by b");
        clock.advance(Duration.ofSeconds(20));
        helper.renew(run, "111");
        clock.advance(Duration.ofSeconds(20));
        assertFalse(leader.claim(run, "111"), "renewed 20 s ago");
        assertEquals(Set.of("222"), leader.poll(run, List.of("111", "222")).claimable());
        clock.advance(Duration.ofSeconds(11));
        assertEquals(Set.of("111", "222"), leader.poll(run, List.of("111", "222")).claimable(), "b went silent");
        assertTrue(leader.claim(run, "111"), "a lapsed claim is taken over");
        leader.done(run, "111");
        clock.advance(Duration.ofMinutes(5));
        assertFalse(helper.claim(run, "111"), "done is never claimed again");

        leader.close(run);
        assertTrue(helper.openRun().isEmpty());
    }

    @Test
    void aReadOverTheItemLimitIsPublishedInPartsAndReadBackWhole() {
        Random random = new Random(16);
        List<RecordSet> sets = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            String name = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + ".app" + (i % 7) + ".internal.";
            String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            sets.add(i % 1000 == 0
                    ? new RecordSet(new RecordKey(name, "AAAA", "weighted-" + i), 60L, List.of("fd00::" + i), null, null)
                    : RecordSet.of(name, "A", 300, address));
        }
        AccountForward read = new AccountForward("333", 7, false, sets,
                List.of(new ReconcileFailure("333", "read zone x.internal. (Z1)", "AccessDenied")),
                new ApiCallStats(Map.of("ListHostedZones", 1L, "ListResourceRecordSets", 210L), 2,
                        Map.of("Throttling", 2L)));
        assertTrue(AccountForwardCodec.encode(read).length > DynamoDbSharedAccountReads.PART_BYTES,
                "the test read needs more than one part");
        DynamoDbSharedAccountReads leader = board("a");
        DynamoDbSharedAccountReads helper = board("b");
        String run = leader.open(List.of("333"));
        assertTrue(helper.claim(run, "333"));
        helper.publish(run, read);

        SharedAccountReads.Poll poll = leader.poll(run, List.of("333"));

        assertEquals(Set.of(), poll.claimable());
        AccountForward back = poll.published().get("333");
        assertEquals(read.addressSets(), back.addressSets());
        assertEquals(read.failures(), back.failures());
        assertEquals(read.calls(), back.calls());
        assertEquals(7, back.zonesRead());
        assertFalse(back.complete());
        leader.close(run);
        assertTrue(leader.poll(run, List.of("333")).published().isEmpty(), "closing removed the parts");
    }

    @Test
    void aThousandARecordsPublishInAFewKilobytes() {
        List<RecordSet> sets = new ArrayList<>();
        for (int h = 0; h < 1000; h++) {
            sets.add(RecordSet.of("h" + h + ".z" + h / 100 + ".a7.internal.", "A", 300,
                    "10.7." + h / 250 + "." + (h % 250 + 1)));
        }
        int bytes = AccountForwardCodec.encode(new AccountForward("444", 10, true, sets, List.of(),
                ApiCallStats.empty())).length;
        assertTrue(bytes < 8_000, bytes + " bytes");
    }
}
