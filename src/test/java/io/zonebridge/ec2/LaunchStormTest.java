package io.zonebridge.ec2;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.route53.HostedZoneRef;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launch storm and its termination through the EC2 path, against the project's EC2 emulator and DynamoDB Local, counting the
 * API calls by operation. Instances: {@code -Dzonebridge.storm.instances=N} (default 250). Prints its figures.
 */
class LaunchStormTest {

    private static final int INSTANCES = Integer.getInteger("zonebridge.storm.instances", 250);
    private static final String ZONE = "storm.example.com.";

    @Test
    void stormOfRunningThenTerminatedEventsUsesFewCallsAndLeavesNothing() throws Exception {
        ApiCallCounter ec2Calls = new ApiCallCounter();
        ApiCallCounter dynamoCalls = new ApiCallCounter();
        LocalAwsServer emulator = Ec2TestClients.emulator();
        try (DynamoDbLocal dynamo = DynamoDbLocal.start();
             Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create(emulator.endpoint()))
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Ec2TestClients.ACCOUNT, "testing")))
                     .httpClientBuilder(ApacheHttpClient.builder())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(ec2Calls)).build();
             DynamoDbClient dynamoClient = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                     .httpClientBuilder(ApacheHttpClient.builder())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(dynamoCalls)).build()) {
            Ec2Sandbox sandbox = new Ec2Sandbox(ec2);
            String vpc = sandbox.vpc("10.200.0.0/16", null, true, true);
            String subnet = sandbox.subnet(vpc, "10.200.0.0/20");
            List<String> ids = new ArrayList<>();
            while (ids.size() < INSTANCES) {
                int n = Math.min(500, INSTANCES - ids.size());
                ec2.runInstances(r -> r.imageId("ami-12345678").instanceType("t3.micro").minCount(n).maxCount(n)
                                .subnetId(subnet).tagSpecifications(TagSpecification.builder()
                                        .resourceType(ResourceType.INSTANCE).tags(Tag.builder().key("ZONE").value(ZONE).build())
                                        .build()))
                        .instances().stream().map(Instance::instanceId).forEach(ids::add);
            }
            List<CandidateZone> zones = List.of(new CandidateZone(new HostedZoneRef("Z0STORM", ZONE, true, 0),
                    List.of(new VpcAssociation(vpc, "us-east-1"))));
            InstanceRecordStore store = new InstanceRecordStore(dynamoClient, "zb-storm");
            store.ensureTable();
            InstanceLifecycle lifecycle = new InstanceLifecycle(new InstanceDescriber(ec2), new VpcDescriber(ec2),
                    new InstanceRecordPlanner(Ec2DnsSettings.DEFAULTS), store, () -> zones);
            Ec2StateEventParser parser = new Ec2StateEventParser();
            Instant t0 = Instant.parse("2024-05-14T12:00:00Z");
            List<Ec2Event> running = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                running.add(parser.parse(EventBodies.state(ids.get(i), "running", t0.plusMillis(i * 30L))).orElseThrow());
            }
            ec2Calls.reset();
            dynamoCalls.reset();
            AppliedZones applied = new AppliedZones();

            long start = System.nanoTime();
            applied.apply(lifecycle.handleAll(running));
            Duration launch = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Integer> launchEc2 = ec2Calls.snapshot();
            Map<String, Integer> launchDynamo = dynamoCalls.snapshot();
            assertEquals(ids.size(), applied.all("Z0STORM").size());
            assertEquals(ids.size(), applied.ptrs.size());
            int describeCalls = (ids.size() + InstanceDescriber.IDS_PER_CALL - 1) / InstanceDescriber.IDS_PER_CALL;
            assertEquals(describeCalls, ec2Calls.count("DescribeInstances"));
            assertEquals(1, ec2Calls.count("DescribeVpcs"));
            assertEquals(2, ec2Calls.count("DescribeVpcAttribute"));
            // items read 100 a call; per instance: claim its A record and its address, write its item
            int reads = (ids.size() + InstanceRecordStore.KEYS_PER_BATCH - 1) / InstanceRecordStore.KEYS_PER_BATCH;
            assertEquals(Map.of("BatchGetItem", reads, "PutItem", 3 * ids.size()), launchDynamo);

            sandbox.terminateAll(ids);
            List<Ec2Event> terminated = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                terminated.add(parser.parse(EventBodies.state(ids.get(i), "terminated", t0.plusSeconds(3600 + i))).orElseThrow());
            }
            ec2Calls.reset();
            dynamoCalls.reset();
            start = System.nanoTime();
            applied.apply(lifecycle.handleAll(terminated));
            Duration termination = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(applied.zones.isEmpty() && applied.ptrs.isEmpty());
            assertEquals(Map.of(), ec2Calls.snapshot(), "termination needs nothing from EC2");
            assertEquals(Map.of("BatchGetItem", reads, "DeleteItem", 2 * ids.size(), "PutItem", ids.size()),
                    dynamoCalls.snapshot());

            System.out.printf("launch storm of %d instances: EC2 %s, DynamoDB %s, %d ms; termination: DynamoDB %s, %d ms%n",
                    ids.size(), launchEc2, launchDynamo, launch.toMillis(), dynamoCalls.snapshot(), termination.toMillis());
        } finally {
            emulator.stop();
        }
    }
}
