package io.zonebridge.app.config;

import io.zonebridge.plan.SyncPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=";

    private final ConfigLoader loader = new ConfigLoader(Map.of("XFR_KEY", SECRET));

    @Test
    void readsAFullSecondaryConfiguration() {
        ZonebridgeConfig config = loader.parse("zb.yaml", """
                route53:
                  endpoint: http://127.0.0.1:4566
                  rateLimitPerSecond: 4
                tsigKeys:
                  xfr-key:
                    algorithm: hmac-sha256
                    secretEnv: XFR_KEY
                secondary:
                  notify:
                    listen: 127.0.0.1:15353
                    allowFrom: [127.0.0.1, 10.0.0.0/8]
                  defaults:
                    primaries: [127.0.0.1:5300]
                    ignoreTtl: true
                  zones:
                    - name: Example.COM
                      tsigKey: xfr-key
                      hostedZone: { private: true, vpc: vpc-0abc }
                      refresh: 5m
                      mirror: { every: 1h }
                      writeSerial: true
                    - name: 1.0.10.in-addr.arpa
                      primaries: ["[::1]:5301", 127.0.0.2]
                      hostedZone: { id: /hostedzone/Z0123ABC }
                      policy: upsert-only
                """);
        assertEquals("http://127.0.0.1:4566", config.route53().endpoint().orElseThrow().toString());
        assertEquals(4.0, config.route53().rateLimitPerSecond());
        SecondaryZoneConfig first = config.secondary().zones().get(0);
        assertEquals("example.com.", first.name());
        assertEquals(List.of(new PrimaryAddress("127.0.0.1", 5300)), first.primaries());
        assertEquals(SECRET, first.tsigKey().orElseThrow().secret());
        assertTrue(first.ignoreTtl());
        assertEquals(Duration.ofMinutes(5), first.refresh().orElseThrow());
        assertEquals(Duration.ofHours(1), first.mirror().orElseThrow().every().orElseThrow());
        assertEquals("vpc-0abc", first.hostedZone().vpcId().orElseThrow());
        assertTrue(first.hostedZone().privateZone().orElseThrow());
        SecondaryZoneConfig second = config.secondary().zones().get(1);
        assertEquals(List.of(new PrimaryAddress("::1", 5301), new PrimaryAddress("127.0.0.2", 53)), second.primaries());
        assertEquals("Z0123ABC", second.hostedZone().id().orElseThrow());
        assertEquals(SyncPolicy.UPSERT_ONLY, second.policy());
        assertEquals(15353, config.secondary().notifyListener().port());
        assertTrue(first.zoneFile().isEmpty());
    }

    @Test
    void theRegionComesFromTheEnvironmentUnlessConfigured() {
        ConfigLoader onEcs = new ConfigLoader(Map.of("AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "us-west-2"));
        ZonebridgeConfig fromEnvironment = onEcs.parse("zb.yaml", "ec2: { enabled: true }\n");
        assertEquals("eu-central-1", fromEnvironment.route53().region());
        assertEquals("eu-central-1", fromEnvironment.ec2().region(), "the EC2 job follows Route 53's region");

        assertEquals("us-west-2", new ConfigLoader(Map.of("AWS_DEFAULT_REGION", "us-west-2")).parse("zb.yaml", "")
                .route53().region());
        assertEquals("us-east-1", new ConfigLoader(Map.of()).parse("zb.yaml", "").route53().region());
        assertEquals("ap-south-1", onEcs.parse("zb.yaml", "route53: { region: ap-south-1 }\n").route53().region());
    }

    @Test
    void aSecretNeverAppearsInToString() {
        ZonebridgeConfig config = loader.parse("zb.yaml", """
                tsigKeys:
                  k: { secretEnv: XFR_KEY }
                """);
        assertFalse(config.toString().contains(SECRET), config.toString());
        assertTrue(config.toString().contains("****"));
    }

    @Test
    void readsASecretFromAFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("key"), SECRET + "\n");
        ZonebridgeConfig config = loader.parse("zb.yaml", "tsigKeys:\n  k: { secretFile: " + secret + " }\n");
        assertEquals(SECRET, config.tsigKeys().get("k").secret());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top key      | rout53: {}                                                    | zb.yaml: rout53: unknown key",
            "bad endpoint         | route53: {endpoint: 'not a url'}                              | zb.yaml: route53.endpoint: must be 'embedded' or a URL",
            "embedded port range  | route53: {endpoint: embedded, embeddedPort: 70000}            | zb.yaml: route53.embeddedPort: must be between 0 and 65535",
            "port without embedded| route53: {endpoint: 'http://127.0.0.1:4566', embeddedDnsPort: 5353} | zb.yaml: route53.embeddedDnsPort: applies only with endpoint: embedded",
            "quartz rejects cron  | secondary: {zones: [{name: a.example, primaries: [h], mirror: {cron: '0 0 * * * *'}}]} | zb.yaml: secondary.zones[0].mirror.cron: is not a valid Quartz cron expression",
            "rate out of range    | route53: {rateLimitPerSecond: 0}                              | zb.yaml: route53.rateLimitPerSecond: must be between",
            "secret inline        | tsigKeys: {k: {secret: abc}}                                  | zb.yaml: tsigKeys.k.secret: unknown key",
            "secret env missing   | tsigKeys: {k: {secretEnv: NOPE}}                              | zb.yaml: tsigKeys.k.secretEnv: environment variable NOPE is not set",
            "bad algorithm        | tsigKeys: {k: {secretEnv: XFR_KEY, algorithm: rot13}}         | zb.yaml: tsigKeys.k.algorithm: unsupported TSIG algorithm 'rot13'",
            "zone without name    | secondary: {zones: [{primaries: [127.0.0.1]}]}                | zb.yaml: secondary.zones[0].name: is required",
            "zone w/o primaries   | secondary: {zones: [{name: a.example}]}                       | zb.yaml: secondary.zones[0].primaries: list at least one primary (host:port), or give a zoneFile",
            "bad port             | secondary: {zones: [{name: a.example, primaries: ['h:99999']}]} | zb.yaml: secondary.zones[0].primaries[0]: bad port '99999'",
            "unknown key name     | secondary: {zones: [{name: a.example, primaries: [h], tsigKey: x}]} | zb.yaml: secondary.zones[0].tsigKey: no TSIG key named 'x'",
            "bad policy           | secondary: {zones: [{name: a.example, primaries: [h], policy: yolo}]} | zb.yaml: secondary.zones[0].policy: unknown policy 'yolo'",
            "bad duration         | secondary: {zones: [{name: a.example, primaries: [h], refresh: soon}]} | zb.yaml: secondary.zones[0].refresh: must be a duration",
            "bad zone id          | secondary: {zones: [{name: a.example, primaries: [h], hostedZone: {id: nope}}]} | zb.yaml: secondary.zones[0].hostedZone.id: is not a hosted zone id",
            "public with vpc      | secondary: {zones: [{name: a.example, primaries: [h], hostedZone: {private: false, vpc: vpc-1}}]} | zb.yaml: secondary.zones[0].hostedZone: a VPC is given but private is false",
            "mirror both          | secondary: {zones: [{name: a.example, primaries: [h], mirror: {every: 1h, cron: '0 0 * * * ?'}}]} | zb.yaml: secondary.zones[0].mirror: give exactly one of every or cron",
            "bad cron             | secondary: {zones: [{name: a.example, primaries: [h], mirror: {cron: '* *'}}]} | zb.yaml: secondary.zones[0].mirror.cron: must have 6 or 7 fields",
            "same target twice    | secondary: {zones: [{name: a.example, primaries: [h]}, {name: A.example., primaries: [h]}]} | zb.yaml: secondary.zones[1]: hosted zone a.example. is the target of two zones",
            "bad allowFrom        | secondary: {notify: {allowFrom: [everyone]}}                  | zb.yaml: secondary.notify.allowFrom[0]: is not an address or CIDR block",
            "not yaml             | 'route53: [unclosed'                                          | zb.yaml: line 1: not valid YAML",
    })
    void rejectsBadConfigurationNamingTheKey(String caseName, String yaml, String expectedStart) {
        ConfigException error = assertThrows(ConfigException.class, () -> loader.parse("zb.yaml", yaml));
        assertTrue(error.getMessage().startsWith(expectedStart), caseName + ": " + error.getMessage());
    }

    @Test
    void theShippedConfigurationIsValid() {
        ZonebridgeConfig config = new ConfigLoader(Map.of()).load(Path.of("config/zonebridge.yaml"));
        assertFalse(config.secondary().zones().isEmpty(), "the sample configuration has a zone to try");
        assertTrue(config.route53().embedded(), "the quick start runs the embedded Route 53");
        assertEquals(4566, config.route53().embeddedPort());
        assertEquals(15353, config.route53().embeddedDnsPort());
    }

    @Test
    void embeddedEndpointHasDefaultPortsAndNoUrl() {
        Route53Settings settings = loader.parse("zb.yaml", "route53: {endpoint: embedded}").route53();
        assertTrue(settings.embedded());
        assertTrue(settings.endpoint().isEmpty());
        assertEquals(4566, settings.embeddedPort());
        assertEquals(15353, settings.embeddedDnsPort());
        assertFalse(loader.parse("zb.yaml", "route53: {}").route53().embedded(), "AWS itself when no endpoint is given");
    }
}
