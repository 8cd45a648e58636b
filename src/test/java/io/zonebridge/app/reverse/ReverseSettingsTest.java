package io.zonebridge.app.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.config.ConfigException;
import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.app.config.ReverseSettings;
import io.zonebridge.organization.AccountSelection;
import io.zonebridge.organization.AssumeRoleSettings;
import io.zonebridge.reverse.PtrConflictRule;
import io.zonebridge.reverse.VpcRef;
import io.zonebridge.reverse.AutodefinedReverseMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code reverse:} section of zonebridge.yaml: defaults, every key, and errors that name the key. */
class ReverseSettingsTest {

    private static ReverseSettings parse(String reverseSection) {
        return new ConfigLoader(Map.of()).parse("test.yaml", reverseSection).reverse();
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void absentMeansOffWithDefaults() {
        ReverseSettings settings = parse("route53: { endpoint: embedded }\n");
        assertFalse(settings.enabled());
        assertEquals("zonebridge-reverse", settings.queue());
        assertEquals("zonebridge-reverse-dlq", settings.deadLetterQueue());
        assertEquals(ReverseSettings.PtrPolicy.OWNED_ONLY, settings.policy());
        assertEquals(PtrConflictRule.SHORTEST_THEN_LEXICOGRAPHIC, settings.conflictRule());
        assertEquals(300, settings.ptrTtl());
        assertEquals(Optional.empty(), settings.sqsEndpoint());
        assertEquals(Optional.empty(), settings.networkAccount());
        assertEquals("OrganizationAccountAccessRole", settings.memberRole().roleName());
        assertEquals(Optional.empty(), settings.reconcile().every());
        assertTrue(settings.reconcile().organization());
        assertEquals(AccountSelection.ALL, settings.reconcile().accounts());
        assertEquals("zonebridge:", settings.ownChanges().commentMarker());
        assertEquals(settings, ReverseSettings.disabled());
    }

    @Test
    void everyKeyIsRead() {
        ReverseSettings settings = parse("""
                reverse:
                  enabled: true
                  sqsEndpoint: http://127.0.0.1:9324
                  queue: events
                  deadLetterQueue: events-dead
                  networkAccount: "123456789012"
                  prefixes: { 10.0.2.0/25: 0-127.2.0.10.in-addr.arpa }
                  ledger: /var/lib/zonebridge/ptrs.json
                  ownership: { table: ptr-owners, endpoint: "http://127.0.0.1:8000" }
                  policy: sync
                  conflictRule: all-names
                  ptrTtl: 60
                  ownChanges:
                    principalArns: ["arn:aws:iam::*:role/zonebridge-*"]
                    sessionNames: [zonebridge]
                    commentMarker: "zb:"
                  memberRole: { name: ops/zonebridge-reader, externalId: x-42, sessionDuration: 2h }
                  reconcile:
                    every: 6h
                    organization: false
                    include: ["210987654321", "333333333333"]
                    exclude: ["333333333333"]
                    parallelism: 4
                    autodefinedReverse: [vpc-0abc12345@eu-west-1, vpc-0def67890@us-east-1]
                """);
        assertTrue(settings.enabled());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9324")), settings.sqsEndpoint());
        assertEquals("events", settings.queue());
        assertEquals("events-dead", settings.deadLetterQueue());
        assertEquals(Optional.of("123456789012"), settings.networkAccount());
        assertEquals(new AssumeRoleSettings("ops/zonebridge-reader", "x-42", "aws", Duration.ofHours(2)),
                settings.memberRole());
        assertEquals(new ReverseSettings.Reconcile(Optional.of(Duration.ofHours(6)), false,
                new AccountSelection(Set.of("210987654321", "333333333333"), Set.of("333333333333")), 4,
                AutodefinedReverseMode.LISTED, List.of(new VpcRef("vpc-0abc12345", "eu-west-1"),
                        new VpcRef("vpc-0def67890", "us-east-1"))), settings.reconcile());
        assertEquals(Map.of("10.0.2.0/25", "0-127.2.0.10.in-addr.arpa"), settings.prefixes());
        assertEquals(Path.of("/var/lib/zonebridge/ptrs.json"), settings.ledger());
        assertEquals(new ReverseSettings.Ownership("ptr-owners", Optional.of(URI.create("http://127.0.0.1:8000"))),
                settings.ownership());
        assertEquals(ReverseSettings.PtrPolicy.SYNC, settings.policy());
        assertEquals(PtrConflictRule.ALL_NAMES, settings.conflictRule());
        assertEquals(60, settings.ptrTtl());
        assertEquals(List.of("arn:aws:iam::*:role/zonebridge-*"), settings.ownChanges().principalArnPatterns());
        assertEquals(Set.of("zonebridge"), settings.ownChanges().sessionNames());
        assertEquals("zb:", settings.ownChanges().commentMarker());
    }

    @Test
    void ownershipIsADynamoDbTableWithAnOptionalEndpoint() {
        assertEquals(new ReverseSettings.Ownership("zonebridge-ptr-ownership", Optional.empty()),
                parse("reverse: { enabled: true }").ownership());
        assertEquals(Path.of("zonebridge-owned-ptrs.json"), parse("reverse: { enabled: true }").ledger(),
                "the old ledger file looked for (and migrated) by default");
        assertEquals(new ReverseSettings.Ownership("zb-owned", Optional.of(URI.create("http://127.0.0.1:8000"))),
                parse("reverse: { ownership: { table: zb-owned, endpoint: 'http://127.0.0.1:8000' } }").ownership());
        assertEquals("test.yaml: reverse.ownership.table: must be a DynamoDB table name (3 to 255 of letters, digits,"
                + " _ - .), not 'a b'", error("reverse: { ownership: { table: 'a b' } }"));
        assertEquals("test.yaml: reverse.ownership.endpoint: must be a URL such as http://127.0.0.1:8000, not"
                + " 'dynamodb'", error("reverse: { ownership: { endpoint: dynamodb } }"));
        assertTrue(error("reverse: { ownership: { tabel: x } }")
                .startsWith("test.yaml: reverse.ownership.tabel: unknown key (allowed: endpoint, table)"));
        assertEquals("test.yaml: reverse.ownership: must be a mapping", error("reverse: { ownership: zb-owned }"));
        assertEquals("test.yaml: ec2.ptrOwnership.table: must differ from reverse.ownership.table ('shared'):"
                + " each job keeps and releases only its own PTRs", error("""
                reverse: { ownership: { table: shared } }
                ec2: { ptrOwnership: { table: shared } }
                """));
    }

    @Test
    void autodefinedReverseIsOffAllOrAListOfVpcs() {
        assertEquals(AutodefinedReverseMode.OFF, ReverseSettings.disabled().reconcile().autodefinedReverse());
        assertEquals(AutodefinedReverseMode.ALL, new ConfigLoader(Map.of()).parse("test.yaml",
                "reverse: { reconcile: { autodefinedReverse: all } }").reverse().reconcile().autodefinedReverse());
        assertEquals("test.yaml: reverse.reconcile.autodefinedReverse[0]: must be VPC_ID@REGION such as"
                + " vpc-0abc12345@eu-west-1, not 'vpc-1'", error("reverse: { reconcile: { autodefinedReverse: [vpc-1] } }"));
        assertEquals("test.yaml: reverse.reconcile.autodefinedReverse: must be off, all or a list of VPC_ID@REGION,"
                + " not 'some'", error("reverse: { reconcile: { autodefinedReverse: some } }"));
        assertEquals("test.yaml: reverse.reconcile.autodefinedReverse: lists no VPC (use off to leave every VPC as"
                + " it is)", error("reverse: { reconcile: { autodefinedReverse: [] } }"));
    }

    @Test
    void createZonesTakesTheListedAndThePrefixZonesAndNeedsVpcs() {
        ReverseSettings settings = new ConfigLoader(Map.of()).parse("test.yaml", """
                reverse:
                  prefixes: { 10.0.2.0/25: 0-127.2.0.10.in-addr.arpa }
                  createZones: { zones: [3.0.10.IN-ADDR.ARPA], vpcs: [vpc-0abc12345@eu-west-1] }
                """).reverse();
        assertEquals(new ReverseSettings.CreateZones(List.of("0-127.2.0.10.in-addr.arpa", "3.0.10.in-addr.arpa"),
                List.of(new VpcRef("vpc-0abc12345", "eu-west-1"))), settings.createZones());
        assertEquals(List.of(), ReverseSettings.disabled().createZones().vpcs(), "off by default");
        assertEquals("test.yaml: reverse.createZones.vpcs: is required: the VPCs (VPC_ID@REGION) a created private zone"
                + " is associated with", error("reverse: { createZones: { zones: [3.0.10.in-addr.arpa] } }"));
        assertEquals("test.yaml: reverse.createZones.zones[0]: must be a reverse zone name such as 3.0.10.in-addr.arpa,"
                + " not 'example.com'", error("reverse: { createZones: { zones: [example.com], vpcs: [vpc-0abc12345@eu-west-1] } }"));
    }

    @Test
    void errorsNameTheKey() {
        assertEquals("test.yaml: reverse.policy: must be one of owned-only, sync, not 'mine'",
                error("reverse: { policy: mine }"));
        assertEquals("test.yaml: reverse.conflictRule: must be one of shortest-then-lexicographic, lexicographic,"
                + " all-names, not 'first'", error("reverse: { conflictRule: first }"));
        assertEquals("test.yaml: reverse.networkAccount: must be a 12-digit AWS account id, not '1234'",
                error("reverse: { networkAccount: 1234 }"));
        assertEquals("test.yaml: reverse.deadLetterQueue: must differ from reverse.queue ('q')",
                error("reverse: { queue: q, deadLetterQueue: q }"));
        assertTrue(error("reverse: { queue: 'a b' }").startsWith("test.yaml: reverse.queue: must be an SQS queue name"));
        assertEquals("test.yaml: reverse.sqsEndpoint: must be a URL such as http://127.0.0.1:9324, not 'elasticmq'",
                error("reverse: { sqsEndpoint: elasticmq }"));
        assertEquals("test.yaml: reverse.ptrTtl: must be between 0 and 2147483647, not -1",
                error("reverse: { ptrTtl: -1 }"));
        assertEquals("test.yaml: reverse.enabled: must be true or false, not 'maybe'", error("reverse: { enabled: maybe }"));
        assertEquals("test.yaml: reverse.reconcile.every: must be at least 1s, not PT0.5S",
                error("reverse: { reconcile: { every: 500ms } }"));
        assertEquals("test.yaml: reverse.reconcile: account selection include: '12' is not a twelve-digit AWS "
                + "account id", error("reverse: { reconcile: { include: ['12'] } }"));
        assertEquals("test.yaml: reverse.memberRole: assume-role role name '/x' is not a valid IAM role name",
                error("reverse: { memberRole: { name: /x } }"));
        assertTrue(error("reverse: { reconcile: { period: 1h } }")
                .startsWith("test.yaml: reverse.reconcile.period: unknown key"));
        assertTrue(error("reverse: { queues: x }").startsWith("test.yaml: reverse.queues: unknown key"));
        assertTrue(error("reverse: { ownChanges: { arns: [] } }").startsWith("test.yaml: reverse.ownChanges.arns: unknown key"));
    }
}
