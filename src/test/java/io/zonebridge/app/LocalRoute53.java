package io.zonebridge.app;

import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.xbill.DNS.Record;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Test fixture: the project's local Route 53 on a free loopback port, with an SDK client to create hosted zones
 * and read them back, and the comparison "hosted zone equals the primary's zone" (apex SOA and NS are Route 53's
 * own and left out on both sides).
 */
public final class LocalRoute53 implements AutoCloseable {

    private final LocalAwsServer server;
    private final boolean owned;
    private final Route53Client client;
    private final SdkRoute53Gateway gateway;

    public LocalRoute53() {
        this(started(new LocalAwsServer()), true);
    }

    private static LocalAwsServer started(LocalAwsServer server) {
        server.start(0);
        return server;
    }

    /** A client of an emulator someone else started and stops. */
    public static LocalRoute53 of(LocalAwsServer running) {
        return new LocalRoute53(running, false);
    }

    private LocalRoute53(LocalAwsServer server, boolean owned) {
        this.server = server;
        this.owned = owned;
        Route53ClientFactory factory = new Route53ClientFactory().endpoint(URI.create(server.endpoint()))
                .rateLimiter(new AccountRateLimiter(1000))
                .credentials(Route53Connection.localCredentials());
        client = factory.create();
        gateway = new SdkRoute53Gateway(client, factory.callCounter());
    }

    public LocalAwsServer server() {
        return server;
    }

    public String endpoint() {
        return server.endpoint();
    }

    /** Creates a public hosted zone; returns its bare id. */
    public String createZone(String name) {
        String id = client.createHostedZone(b -> b.name(name).callerReference(UUID.randomUUID().toString()))
                .hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    public HostedZoneRef zone(String id) {
        return gateway.listHostedZones().stream().filter(z -> z.id().equals(id)).findFirst().orElseThrow();
    }

    /** The hosted zone's record sets without the apex SOA and NS. */
    public Map<RecordKey, RecordSet> records(String id) {
        HostedZoneRef zone = zone(id);
        return withoutApexSoaNs(gateway.readZone(zone));
    }

    /** The hosted zone's apex SOA value as Route 53 holds it. */
    public String soa(String id) {
        HostedZoneRef zone = zone(id);
        return gateway.readZone(zone).soa().orElseThrow().values().get(0);
    }

    /** ChangeResourceRecordSets requests the server received so far. */
    public long changeRequests() {
        return server.counters().requests("ChangeResourceRecordSets");
    }

    /** The primary's zone (from an AXFR) in Route 53's shape, without the apex SOA and NS. */
    public static Map<RecordKey, RecordSet> expected(String zone, List<Record> axfr) {
        return withoutApexSoaNs(DnsRecordConverter.toSnapshot(zone, axfr));
    }

    private static Map<RecordKey, RecordSet> withoutApexSoaNs(ZoneSnapshot snapshot) {
        Map<RecordKey, RecordSet> sets = new TreeMap<>(snapshot.recordSets());
        sets.keySet().removeIf(k -> k.isApexOf(snapshot.origin()) && (k.type().equals("SOA") || k.type().equals("NS")));
        return sets;
    }

    @Override
    public void close() {
        client.close();
        if (owned) {
            server.stop();
        }
    }
}
