package io.zonebridge.cli;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The project's Route 53 emulator on a free loopback port, an SDK client of it (someone else changing zones), and
 * the command line run against it with the same account's key.
 */
final class LocalRoute53 implements AutoCloseable {

    static final String ACCOUNT_KEY = "111122223333";

    private final LocalAwsServer server;
    final Route53Client client;

    LocalRoute53() {
        server = new LocalAwsServer(LocalRoute53Options.defaults().withDnsPort(-1));
        server.start(0);
        client = Route53Client.builder().region(Region.AWS_GLOBAL).endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT_KEY, "x")))
                .build();
    }

    String endpoint() {
        return server.endpoint();
    }

    String createZone(String name, boolean privateZone) {
        return client.createHostedZone(r -> {
            r.name(name).callerReference(name + privateZone + System.nanoTime());
            if (privateZone) {
                r.vpc(v -> v.vpcId("vpc-0abc1234def567890").vpcRegion("us-east-1"))
                        .hostedZoneConfig(c -> c.privateZone(true));
            }
        }).hostedZone().id().replace("/hostedzone/", "");
    }

    /** Someone else's change: one UPSERT through the SDK. */
    void upsert(String zoneId, String name, RRType type, long ttl, String... values) {
        client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.UPSERT)
                .resourceRecordSet(s -> s.name(name).type(type).ttl(ttl)
                        .resourceRecords(List.of(values).stream()
                                .map(v -> software.amazon.awssdk.services.route53.model.ResourceRecord.builder()
                                        .value(v).build()).toList())))));
    }

    List<ResourceRecordSet> records(String zoneId) {
        return client.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream().toList();
    }

    /** The command line with {@code --endpoint} of this emulator and the account's key. */
    CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--endpoint";
        all[args.length + 1] = server.endpoint();
        return withKey(() -> CommandRun.of(all));
    }

    static CommandRun withKey(Supplier<CommandRun> body) {
        System.setProperty("aws.accessKeyId", ACCOUNT_KEY);
        System.setProperty("aws.secretAccessKey", "x");
        try {
            return body.get();
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
