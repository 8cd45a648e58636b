package io.zonebridge.organization;

import io.zonebridge.testpeers.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Test setup of an organisation, written with the plain SDK (none of zonebridge's code), against moto_server or the
 * project's local emulator: member accounts, and per-account Route 53 clients through STS AssumeRole (both keep
 * Route 53 state per account and map assumed-role credentials to the role's account).
 */
public final class TestOrganization implements AutoCloseable {

    /**
     * The management account, and here the network account: moto's default account, and the emulator's account of
     * the access key {@code 123456789012}.
     */
    public static final String MANAGEMENT = "123456789012";
    public static final AwsCredentialsProvider MANAGEMENT_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(MANAGEMENT, "testing"));

    private final URI endpoint;
    private final OrganizationsClient organizations;
    private final StsClient sts;
    private final List<Route53Client> clients = new ArrayList<>();

    /** An organisation on moto_server. */
    public TestOrganization(MotoServer moto) {
        this(moto.endpoint());
    }

    /** An organisation on the server at {@code endpoint} (moto_server or the local emulator). */
    public TestOrganization(URI endpoint) {
        this.endpoint = endpoint;
        this.organizations = OrganizationsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(MANAGEMENT_CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
        this.sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(MANAGEMENT_CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
        organizations.createOrganization(r -> r.featureSet("ALL"));
    }

    /** The server's endpoint, with the management account's credentials. */
    public AwsEndpoint endpoint() {
        return new AwsEndpoint(Region.US_EAST_1, endpoint, MANAGEMENT_CREDENTIALS);
    }

    /** Creates a member account and returns its id. */
    public String createAccount(String name) {
        return organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                .createAccountStatus().accountId();
    }

    /** Closes (suspends) a member account. */
    public void closeAccount(String id) {
        organizations.closeAccount(r -> r.accountId(id));
    }

    /** A Route 53 client acting in {@code account} (management credentials, or an assumed role). */
    public Route53Client route53(String account) {
        AwsCredentialsProvider credentials = MANAGEMENT_CREDENTIALS;
        if (!account.equals(MANAGEMENT)) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/setup")
                    .roleSessionName("setup")).credentials();
            credentials = StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
        // setup against a throttling server: the SDK's standard retries (backoff on Throttling), with more attempts
        Route53Client client = Route53Client.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(10).build())).build();
        clients.add(client);
        return client;
    }

    /**
     * Creates a hosted zone (private ones associated with {@code vpc-<hash of name>}) and returns its bare id.
     */
    public static String createZone(Route53Client client, String name, boolean privateZone) {
        String id = client.createHostedZone(r -> {
            r.name(name).callerReference(UUID.randomUUID().toString());
            if (privateZone) {
                r.vpc(v -> v.vpcId("vpc-" + Integer.toHexString(name.hashCode())).vpcRegion("us-east-1"))
                        .hostedZoneConfig(c -> c.privateZone(true));
            }
        }).hostedZone().id();
        String bareId = id.substring(id.lastIndexOf('/') + 1);
        // moto 5.2.1 stores the apex SOA value as the text of a Python dict ("{'Value': '...'}"), which no
        // Route 53 returns; it has no SOA protection (route53-api.md §11.6), so set the value Route 53 would show
        // (an UPSERT of the apex SOA that Route 53, and the emulator, accept as well).
        change(client, bareId, ChangeAction.UPSERT, name, "SOA", 900,
                "ns-2048.awsdns-64.com. hostmaster.example.com. 1 7200 900 1209600 86400");
        return bareId;
    }

    /** Applies one change of a simple record set. */
    public static void change(Route53Client client, String zoneId, ChangeAction action, String name, String type,
                       long ttl, String... values) {
        List<ResourceRecord> records = new ArrayList<>();
        for (String value : values) {
            records.add(ResourceRecord.builder().value(value).build());
        }
        client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(Change.builder()
                .action(action).resourceRecordSet(ResourceRecordSet.builder().name(name).type(RRType.fromValue(type))
                        .ttl(ttl).resourceRecords(records).build()).build())));
    }

    /** The PTR record sets of a zone: name → sorted values, as moto returns them. */
    public static Map<String, List<String>> ptrs(Route53Client client, String zoneId) {
        Map<String, List<String>> out = new TreeMap<>();
        client.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .filter(set -> set.type() == RRType.PTR)
                .forEach(set -> out.put(set.name(), set.resourceRecords().stream().map(ResourceRecord::value).sorted().toList()));
        return out;
    }

    @Override
    public void close() {
        clients.forEach(Route53Client::close);
        organizations.close();
        sts.close();
    }
}
