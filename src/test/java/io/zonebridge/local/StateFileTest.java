package io.zonebridge.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.AutodefinedReverseFlag;
import software.amazon.awssdk.services.route53resolver.model.ResolverAutodefinedReverseStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.zonebridge.local.Route53Fixture.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional state file: a local run survives a restart. */
class StateFileTest {

    @Test
    void zonesRecordsCallerReferencesAndResolverConfigsSurviveARestart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("state.json");
        LocalRoute53Options options = LocalRoute53Options.defaults().withStateFile(file);
        LocalAwsServer first = new LocalAwsServer(options);
        first.start(0);
        String zoneId;
        List<ResourceRecordSet> before;
        try (Route53Client r53 = Route53Fixture.client(first, "AKIASTATE");
             Route53ResolverClient resolver = ResolverConformanceTest.client(first, "AKIASTATE")) {
            zoneId = r53.createHostedZone(b -> b.name("persist.example.org").callerReference("persist-1"))
                    .hostedZone().id();
            Route53Fixture.create(r53, zoneId, Route53Fixture.set("*.persist.example.org", "A", 60, "192.0.2.1"),
                    Route53Fixture.set("txt.persist.example.org", "TXT", 300, "\"a b\" \"c\""));
            resolver.updateResolverConfig(b -> b.resourceId("vpc-0abc").autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
            before = r53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets();
        } finally {
            first.stop();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "only the state file, no temporary files left");
        }
        LocalAwsServer second = new LocalAwsServer(options);
        second.start(0);
        try (Route53Client r53 = Route53Fixture.client(second, "AKIASTATE");
             Route53ResolverClient resolver = ResolverConformanceTest.client(second, "AKIASTATE")) {
            assertEquals(before, r53.listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets());
            assertEquals(4L, r53.getHostedZone(b -> b.id(zoneId)).hostedZone().resourceRecordSetCount());
            assertAwsError(409, "HostedZoneAlreadyExists",
                    "A hosted zone has already been created with the specified caller reference.",
                    () -> r53.createHostedZone(b -> b.name("again.example.org").callerReference("persist-1")));
            assertEquals(ResolverAutodefinedReverseStatus.DISABLED,
                    resolver.getResolverConfig(b -> b.resourceId("vpc-0abc")).resolverConfig().autodefinedReverse());
        } finally {
            second.stop();
        }
    }

    @Test
    void failedBatchIsNotWrittenToTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("state.json");
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withStateFile(file));
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "AKIASTATE")) {
            String zoneId = Route53Fixture.publicZone(r53, "fail.example.org");
            String saved = Files.readString(file);
            assertThrows(RuntimeException.class, () -> Route53Fixture.create(r53, zoneId,
                    Route53Fixture.set("ok.fail.example.org", "A", 60, "192.0.2.1"),
                    Route53Fixture.set("bad.fail.example.org", "A", 60, "999.0.2.1")));
            assertEquals(saved, Files.readString(file));
        } finally {
            server.stop();
        }
    }

    @Test
    void unreadableStateFileStopsStartWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ not json");
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withStateFile(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> server.start(0));
        assertTrue(e.getMessage().startsWith("cannot read emulator state file " + file), e.getMessage());
        assertEquals(-1, server.port());
    }

    @Test
    void aFileFromBeforeEventBridgeStsAndOrganizationsStillLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"version\":1,\"accounts\":[{\"accountId\":\"111111111111\",\"zones\":[],"
                + "\"callerReferences\":[\"ref-1\"],\"changes\":[],\"resolverConfigs\":[]}]}");
        LocalAwsServer server = new LocalAwsServer(LocalRoute53Options.defaults().withStateFile(file));
        server.start(0);
        try (Route53Client r53 = Route53Fixture.client(server, "111111111111")) {
            assertAwsError(409, "HostedZoneAlreadyExists",
                    "A hosted zone has already been created with the specified caller reference.",
                    () -> r53.createHostedZone(b -> b.name("old.example.org").callerReference("ref-1")));
            r53.createHostedZone(b -> b.name("new.example.org").callerReference("ref-2"));
        } finally {
            server.stop();
        }
        String saved = Files.readString(file);
        assertTrue(saved.contains("\"organizations\"") && saved.contains("\"sessions\""), saved);
    }
}
