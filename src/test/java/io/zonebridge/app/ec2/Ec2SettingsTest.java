package io.zonebridge.app.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.config.ConfigException;
import io.zonebridge.app.config.ConfigLoader;
import io.zonebridge.ec2.HostNamePattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code ec2:} section of zonebridge.yaml: defaults, every key, and errors that name the key. */
class Ec2SettingsTest {

    private static Ec2Settings parse(String yaml) {
        return new ConfigLoader(Map.of()).parse("test.yaml", yaml).ec2();
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void absentMeansOffWithDefaults() {
        Ec2Settings settings = parse("route53: { endpoint: embedded }\n");
        assertFalse(settings.enabled());
        assertEquals(Ec2Settings.disabled(), settings);
        assertEquals("zonebridge-ec2", settings.queue());
        assertEquals("zonebridge-ec2-dlq", settings.deadLetterQueue());
        assertEquals("zonebridge-ec2-instances", settings.table());
        assertEquals("ZONE", settings.dns().zoneTagKey());
        assertEquals(300, settings.dns().ttl());
        assertTrue(settings.associateVpc());
        assertEquals(Duration.ofMinutes(10), settings.lateTagWindow());
        assertEquals("zonebridge-ec2-ptr-ownership", settings.ptrOwnershipTable());
    }

    @Test
    void everyKeyIsRead() {
        Ec2Settings settings = parse("""
                ec2:
                  enabled: true
                  region: eu-west-1
                  ec2Endpoint: http://127.0.0.1:4566
                  sqsEndpoint: http://127.0.0.1:9324
                  dynamoDbEndpoint: http://127.0.0.1:8000
                  queue: ec2-events
                  deadLetterQueue: ec2-rejects
                  table: dns-state
                  zoneTag: dns-zone
                  cnameTag: dns-alias
                  ttl: 60
                  hostName: ["{tag:Host}", "i-{instance-id}"]
                  associateVpc: false
                  lateTagWindow: 15m
                  lateTagInterval: 20s
                  parallelism: 4
                  ptrLedger: /var/lib/zonebridge/ec2-ptrs.json
                  ptrOwnership: { table: dns-ptr-owners }
                """);
        assertTrue(settings.enabled());
        assertEquals("eu-west-1", settings.region());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), settings.ec2Endpoint());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9324")), settings.sqsEndpoint());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), settings.dynamoDbEndpoint());
        assertEquals("ec2-events", settings.queue());
        assertEquals("ec2-rejects", settings.deadLetterQueue());
        assertEquals("dns-state", settings.table());
        assertEquals("dns-zone", settings.dns().zoneTagKey());
        assertEquals("dns-alias", settings.dns().cnameTagKey());
        assertEquals(60, settings.dns().ttl());
        assertEquals(new HostNamePattern(List.of("{tag:Host}", "i-{instance-id}")).toString(),
                settings.dns().hostName().toString());
        assertFalse(settings.associateVpc());
        assertEquals(Duration.ofMinutes(15), settings.lateTagWindow());
        assertEquals(Duration.ofSeconds(20), settings.lateTagInterval());
        assertEquals(4, settings.parallelism());
        assertEquals(java.nio.file.Path.of("/var/lib/zonebridge/ec2-ptrs.json"), settings.ptrLedger());
        assertEquals("dns-ptr-owners", settings.ptrOwnershipTable());
    }

    @Test
    void errorsNameTheKey() {
        assertTrue(error("ec2: { ttl: -1 }").contains("ec2.ttl"), error("ec2: { ttl: -1 }"));
        assertTrue(error("ec2: { table: 'a b' }").contains("ec2.table"));
        assertTrue(error("ec2: { queue: q, deadLetterQueue: q }").contains("ec2.deadLetterQueue"));
        assertTrue(error("ec2: { hostName: ['{nope}'] }").contains("ec2.hostName"));
        assertTrue(error("ec2: { hostName: ['{nope}'] }").contains("unknown placeholder {nope}"));
        assertTrue(error("ec2: { zoneTag: 'aws:x' }").contains("ec2.zoneTag"));
        assertTrue(error("ec2: { region: Mars }").contains("ec2.region"));
        assertTrue(error("ec2: { ec2Endpoint: nowhere }").contains("ec2.ec2Endpoint"));
        assertTrue(error("ec2: { lateTagInterval: 0s }").contains("ec2.lateTagInterval"));
        assertTrue(error("ec2: { lateTagWindow: soon }").contains("ec2.lateTagWindow"));
        assertTrue(error("ec2: { tagz: 1 }").contains("tagz"));
        assertEquals("test.yaml: ec2.ptrOwnership.table: must be a DynamoDB table name (3 to 255 of letters, digits,"
                + " _ - .), not 'x'", error("ec2: { ptrOwnership: { table: x } }"));
        assertEquals("test.yaml: ec2.ptrOwnership.table: must differ from ec2.table ('zb1')",
                error("ec2: { table: zb1, ptrOwnership: { table: zb1 } }"));
        assertTrue(error("ec2: { ptrOwnership: { endpoint: x } }").startsWith(
                "test.yaml: ec2.ptrOwnership.endpoint: unknown key (allowed: table)"));
    }
}
