package io.zonebridge.app.ec2;

import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.testpeers.DynamoDbLocalExtension;
import io.zonebridge.testpeers.ElasticMqExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.zonebridge.ec2.Ec2SyncService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.Eventually;
import io.zonebridge.local.Ec2Timings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * EC2 dynamic DNS end to end with real peers and the service's real routes: instances run and terminated with the
 * SDK against the emulator, whose state-change and CloudTrail events reach the service through an EventBridge rule
 * and ElasticMQ; state in DynamoDB Local; records and PTRs checked in the emulator's Route 53.
 */
@ExtendWith({ElasticMqExtension.class, DynamoDbLocalExtension.class})
class Ec2DnsEndToEndTest {

    private static final Path DIR = Path.of("target/ec2-dns-e2e");
    private static final Map<String, String> FAST = Map.of("zonebridge.ec2.debounce", "300",
            "zonebridge.apply.debounceCheck", "50", "zonebridge.ec2.visibilityTimeout", "5");
    /**
     * The service's Route 53 request budget: none of these tests is about it (the shipped 5 a second would make
     * each apply wait for it; SdkRoute53GatewayRateLimitTest and the benchmark cover the budget).
     */
    private static final double ROUTE53_RATE = 50;
    private static Ec2Peers peers;
    private static Path config;
    private static Path slowRetryConfig;

    @BeforeAll
    static void start(ElasticMqPeer sqs, DynamoDbLocal dynamo) throws Exception {
        Files.createDirectories(DIR);
        peers = new Ec2Peers(sqs, dynamo, 0, new Ec2Timings(100, 3_600_000), "10.60.1.0/24");
        config = peers.writeConfig(DIR.resolve("zonebridge.yaml"), "zb-e2e-" + System.nanoTime(),
                "  lateTagWindow: 1m\n  lateTagInterval: 1s\n", ROUTE53_RATE);
        slowRetryConfig = peers.writeConfig(DIR.resolve("slow-retry/zonebridge.yaml"), "zb-e2e-slow-" + System.nanoTime(),
                "  lateTagWindow: 1h\n  lateTagInterval: 10m\n", ROUTE53_RATE);
    }

    @AfterEach
    void stopServiceOfAFailedTest() throws InterruptedException {
        peers.stopService(); // a failed test must not leave its service to the next one
    }

    @AfterAll
    static void stop() throws Exception {
        if (peers != null) {
            peers.close();
        }
    }

    private static String run(Map<String, String> tags) {
        return peers.ec2.runInstances(r -> {
            r.imageId("ami-1").minCount(1).maxCount(1).subnetId(peers.subnet);
            if (!tags.isEmpty()) {
                r.tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue())
                                .build()).toList()).build());
            }
        }).instances().get(0).instanceId();
    }

    private static String address(String instanceId) {
        return peers.ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .privateIpAddress();
    }

    private static String ptrName(String address) {
        String[] o = address.split("\\.");
        return o[3] + "." + o[2] + "." + o[1] + "." + o[0] + ".in-addr.arpa.";
    }

    @Test
    void runningGivesAAndPtrAndTerminateAfterARestartRemovesThem() throws Exception {
        int rejectedBefore = peers.pending(peers.deadLetterQueue);
        peers.startService(config, FAST);
        String id = run(Map.of("Name", "web-01", "ZONE", Ec2Peers.ZONE));
        String ip = address(id);
        String name = "web-01." + Ec2Peers.ZONE;
        Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of(ip).equals(
                peers.records(peers.zoneId, RRType.A).get(name)), () -> "A: " + peers.records(peers.zoneId, RRType.A));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of(name).equals(
                peers.records(peers.reverseZoneId, RRType.PTR).get(ptrName(ip))),
                () -> "PTR: " + peers.records(peers.reverseZoneId, RRType.PTR));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.pending(peers.queue) == 0,
                () -> "messages deleted once applied");

        peers.stopService();
        peers.startService(config, FAST);
        peers.ec2.terminateInstances(r -> r.instanceIds(id));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> !peers.records(peers.zoneId, RRType.A).containsKey(name),
                () -> "A after terminate: " + peers.records(peers.zoneId, RRType.A));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> !peers.records(peers.reverseZoneId, RRType.PTR)
                .containsKey(ptrName(ip)), () -> "PTR after terminate: " + peers.records(peers.reverseZoneId, RRType.PTR));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.pending(peers.queue) == 0, () -> "queue drained");
        assertEquals(rejectedBefore, peers.pending(peers.deadLetterQueue), "nothing dead-lettered");
        peers.stopService();
    }

    @Test
    void tagsAddedAfterRunningArePickedUpFromTheCreateTagsEvent() throws Exception {
        peers.startService(slowRetryConfig, FAST);
        String id = run(Map.of());
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.bean("ec2Sync", Ec2SyncService.class)
                .awaitingTags() == 1, () -> "the untagged running instance is watched");
        peers.ec2.createTags(r -> r.resources(id).tags(Tag.builder().key("ZONE").value(Ec2Peers.ZONE).build(),
                Tag.builder().key("Name").value("late-01").build()));
        String name = "late-01." + Ec2Peers.ZONE;
        Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of(address(id)).equals(
                peers.records(peers.zoneId, RRType.A).get(name)), () -> "A: " + peers.records(peers.zoneId, RRType.A));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.bean("ec2Sync", Ec2SyncService.class)
                .awaitingTags() == 0, () -> "no longer watched once it has records");
        peers.ec2.terminateInstances(r -> r.instanceIds(id));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> !peers.records(peers.zoneId, RRType.A).containsKey(name),
                () -> "A after terminate: " + peers.records(peers.zoneId, RRType.A));
        peers.stopService();
    }

    @Test
    void withoutTheCreateTagsEventTheRetryWindowFindsLateTags() throws Exception {
        peers.tagEvents(false);
        try {
            peers.startService(config, FAST);
            String id = run(Map.of("Name", "retry-01"));
            Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.bean("ec2Sync", Ec2SyncService.class)
                    .awaitingTags() == 1, () -> "the untagged running instance is watched");
            peers.ec2.createTags(r -> r.resources(id).tags(Tag.builder().key("ZONE").value(Ec2Peers.ZONE).build()));
            String name = "retry-01." + Ec2Peers.ZONE;
            Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of(address(id)).equals(
                    peers.records(peers.zoneId, RRType.A).get(name)), () -> "A: " + peers.records(peers.zoneId, RRType.A));
            assertEquals(0, peers.bean("ec2Ingest", Ec2Ingest.class).accepted() - 2,
                    "only the pending and running events were received");
            peers.ec2.terminateInstances(r -> r.instanceIds(id));
            Eventually.assertWithin(Duration.ofSeconds(30), () -> !peers.records(peers.zoneId, RRType.A)
                    .containsKey(name), () -> "A after terminate: " + peers.records(peers.zoneId, RRType.A));
        } finally {
            peers.tagEvents(true);
            peers.stopService();
        }
    }

    @Test
    void aVpcWithDnsHostNamesOffIsWarnedAboutAndThePrivateZoneIsAssociatedWithIt() throws Exception {
        String vpc = peers.ec2.createVpc(r -> r.cidrBlock("10.61.0.0/16")).vpc().vpcId();
        String subnet = peers.ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.61.1.0/24")).subnet().subnetId();
        String otherZone = peers.privateZone("other.example.", peers.vpc);
        peers.startService(config, FAST);
        long warningsBefore = peers.bean("ec2Sync", Ec2SyncService.class).warnings();
        String id = peers.ec2.runInstances(r -> r.imageId("ami-1").minCount(1).maxCount(1).subnetId(subnet)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                        Tag.builder().key("ZONE").value("other.example.").build(),
                        Tag.builder().key("Name").value("db-01").build()).build())).instances().get(0).instanceId();
        Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of(address(id)).equals(
                peers.records(otherZone, RRType.A).get("db-01.other.example.")),
                () -> "A: " + peers.records(otherZone, RRType.A));
        assertTrue(peers.route53.getHostedZone(r -> r.id(otherZone)).vpCs().stream()
                .anyMatch(v -> v.vpcId().equals(vpc)), "the zone is associated with the instance's VPC now");
        assertTrue(peers.bean("ec2Sync", Ec2SyncService.class).warnings() > warningsBefore,
                "DNS host names off in the new VPC is warned about");
        peers.ec2.terminateInstances(r -> r.instanceIds(id));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.records(otherZone, RRType.A).isEmpty(),
                () -> "A after terminate: " + peers.records(otherZone, RRType.A));
        peers.stopService();
    }

    @Test
    void terminatingEveryInstanceOfAZoneIsNotRefusedByTheSafetyLimits() throws Exception {
        String zone = peers.privateZone("fleet.example.", peers.vpc);
        peers.startService(config, FAST);
        List<String> ids = peers.ec2.runInstances(r -> r.imageId("ami-1").minCount(12).maxCount(12)
                .subnetId(peers.subnet).tagSpecifications(TagSpecification.builder()
                        .resourceType(ResourceType.INSTANCE).tags(Tag.builder().key("ZONE").value("fleet.example.")
                                .build()).build())).instances().stream().map(i -> i.instanceId()).toList();
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.records(zone, RRType.A).size() == 12,
                () -> "12 A records: " + peers.records(zone, RRType.A));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.records(peers.reverseZoneId, RRType.PTR).values()
                .stream().filter(v -> v.get(0).endsWith(".fleet.example.")).count() == 12,
                () -> "12 PTRs: " + peers.records(peers.reverseZoneId, RRType.PTR));
        peers.ec2.terminateInstances(r -> r.instanceIds(ids));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.records(zone, RRType.A).isEmpty(),
                () -> "A records after terminating all: " + peers.records(zone, RRType.A));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.records(peers.reverseZoneId, RRType.PTR).values()
                .stream().noneMatch(v -> v.get(0).endsWith(".fleet.example.")),
                () -> "PTRs after terminating all: " + peers.records(peers.reverseZoneId, RRType.PTR));
        peers.stopService();
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterQueueWithItsReason() throws Exception {
        peers.startService(config, FAST);
        String url = peers.sqs.client().getQueueUrl(r -> r.queueName(peers.queue)).queueUrl();
        peers.sqs.client().sendMessage(r -> r.queueUrl(url).messageBody(
                "{\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\","
                        + "\"time\":\"2024-05-14T12:58:57Z\",\"detail\":{\"state\":\"running\"}}"));
        String dlq = peers.sqs.client().getQueueUrl(r -> r.queueName(peers.deadLetterQueue)).queueUrl();
        List<Message> rejected = new java.util.ArrayList<>();
        long end = System.currentTimeMillis() + 30_000;
        while (rejected.isEmpty() && System.currentTimeMillis() < end) {
            rejected.addAll(peers.sqs.client().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages());
        }
        assertEquals(1, rejected.size());
        String reason = rejected.get(0).messageAttributes().get("zonebridgeRejectReason").stringValue();
        assertTrue(reason.contains("instance-id"), reason);
        peers.sqs.client().deleteMessage(r -> r.queueUrl(dlq).receiptHandle(rejected.get(0).receiptHandle()));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> peers.pending(peers.queue) == 0,
                () -> "the malformed message left the events queue");
        peers.stopService();
    }

    /** A hand edit of an instance's record in Route 53 (someone with the console or the CLI) is undone. */
    @Test
    void recordsChangedOrDeletedByHandAreMadeRightByTheNextVerification() throws Exception {
        Path verifying = peers.writeConfig(DIR.resolve("verify/zonebridge.yaml"), "zb-e2e-verify-" + System.nanoTime(),
                "  lateTagWindow: 1h\n  lateTagInterval: 10m\n", ROUTE53_RATE);
        Files.writeString(verifying, Files.readString(verifying).replace("  notify: { enabled: false }\n",
                "  notify: { enabled: false }\n  defaults: { verifyEvery: 1s }\n"));
        Map<String, String> properties = new HashMap<>(FAST);
        properties.put("zonebridge.verify.tick", "100");
        peers.startService(verifying, properties);
        String id = run(Map.of("Name", "drift-01", "ZONE", Ec2Peers.ZONE));
        String ip = address(id);
        String name = "drift-01." + Ec2Peers.ZONE;
        Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of(ip).equals(
                peers.records(peers.zoneId, RRType.A).get(name)), () -> "A: " + peers.records(peers.zoneId, RRType.A));

        handEdit(ChangeAction.UPSERT, name, "192.0.2.99");
        assertEquals(List.of("192.0.2.99"), peers.records(peers.zoneId, RRType.A).get(name), "the hand edit landed");
        awaitAddress(name, ip, "after a hand edit");

        handEdit(ChangeAction.DELETE, name, ip);
        awaitAddress(name, ip, "after a hand delete");
        peers.ec2.terminateInstances(r -> r.instanceIds(id));
        Eventually.assertWithin(Duration.ofSeconds(30), () -> !peers.records(peers.zoneId, RRType.A).containsKey(name),
                () -> "A after terminate: " + peers.records(peers.zoneId, RRType.A));
        peers.stopService();
    }

    private static void awaitAddress(String name, String ip, String when) throws InterruptedException {
        Eventually.assertWithin(Duration.ofSeconds(30), () -> List.of(ip).equals(
                peers.records(peers.zoneId, RRType.A).get(name)), () -> "A " + when + ": "
                + peers.records(peers.zoneId, RRType.A).get(name));
    }

    /** A change to an A record of TTL 300 (what the job makes) with the SDK, as someone with the CLI would. */
    private static void handEdit(ChangeAction action, String name, String value) {
        peers.route53.changeResourceRecordSets(r -> r.hostedZoneId(peers.zoneId).changeBatch(b -> b.changes(
                Change.builder().action(action).resourceRecordSet(ResourceRecordSet.builder().name(name)
                        .type(RRType.A).ttl(300L).resourceRecords(ResourceRecord.builder().value(value).build())
                        .build()).build())));
    }
}
