package io.zonebridge.route53;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.GetChangeResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;
import software.amazon.awssdk.services.route53.waiters.Route53Waiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@link Route53Gateway} over the AWS SDK v2 {@link Route53Client}. Build the client with
 * {@link Route53ClientFactory} so that every request (each page, retry and poll) passes the account's
 * rate limiter and is counted; {@link #stats()} then reports those counts. Zones (and single names, from
 * StartRecordName) are read with ListResourceRecordSets, 300 sets per page. A change batch refused with
 * InvalidChangeBatch or InvalidInput is bisected by name group ({@link NameGroupBisection}); other
 * errors (after the client's own retries) propagate; a change that is not INSYNC within the timeout
 * raises an {@link IllegalStateException} naming it. The caller owns and closes the client.
 */
public final class SdkRoute53Gateway implements Route53Gateway {

    /** Page size of ListResourceRecordSets, Route 53's maximum. */
    public static final int RECORD_PAGE_SIZE = 300;

    private final RawRecordSets rawSets = new RawRecordSets();
    /** Default pause between two GetChange polls while waiting for INSYNC. */
    public static final Duration DEFAULT_INSYNC_POLL = Duration.ofSeconds(5);
    /** Default limit on waiting for one change to become INSYNC. */
    public static final Duration DEFAULT_INSYNC_TIMEOUT = Duration.ofMinutes(5);

    private final Route53Client client;
    private final ApiCallCounter calls;
    private final Duration insyncPoll;
    private final Duration insyncTimeout;

    /**
     * @param client        a client from {@link Route53ClientFactory}
     * @param calls         the counter that client reports to
     * @param insyncPoll    pause between GetChange polls when waiting for INSYNC
     * @param insyncTimeout limit on waiting for one change
     */
    public SdkRoute53Gateway(Route53Client client, ApiCallCounter calls, Duration insyncPoll, Duration insyncTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.insyncPoll = requirePositive(insyncPoll, "insyncPoll");
        this.insyncTimeout = requirePositive(insyncTimeout, "insyncTimeout");
    }

    /** A gateway with the default INSYNC poll (5 s) and timeout (5 min). */
    public SdkRoute53Gateway(Route53Client client, ApiCallCounter calls) {
        this(client, calls, DEFAULT_INSYNC_POLL, DEFAULT_INSYNC_TIMEOUT);
    }

    /** Requests sent so far through the client, by operation, with retries and error codes met. */
    public ApiCallStats stats() {
        return calls.snapshot();
    }

    /** When this gateway's last request of {@code operation} was sent ({@link ApiCallCounter#lastSent}). */
    public OptionalLong lastSent(String operation) {
        return calls.lastSent(operation);
    }

    @Override
    public List<HostedZoneRef> listHostedZones() {
        List<HostedZoneRef> zones = new ArrayList<>();
        for (HostedZone z : client.listHostedZonesPaginator().hostedZones()) {
            boolean privateZone = z.config() != null && Boolean.TRUE.equals(z.config().privateZone());
            long count = z.resourceRecordSetCount() == null ? 0 : z.resourceRecordSetCount();
            zones.add(new HostedZoneRef(HostedZoneRef.bareId(z.id()), RecordNameCodec.canonical(z.name()), privateZone, count));
        }
        return zones;
    }

    @Override
    public Set<String> privateZoneIdsOfVpc(String vpcId, String vpcRegion) {
        Set<String> ids = new TreeSet<>();
        String token = null;
        do {
            String next = token;
            var page = client.listHostedZonesByVPC(r -> r.vpcId(vpcId).vpcRegion(vpcRegion).nextToken(next));
            page.hostedZoneSummaries().forEach(z -> ids.add(HostedZoneRef.bareId(z.hostedZoneId())));
            token = page.nextToken();
        } while (token != null);
        return ids;
    }

    @Override
    public ZoneSnapshot readZone(HostedZoneRef zone) {
        return readZone(zone, null);
    }

    @Override
    public ZoneSnapshot readZone(HostedZoneRef zone, AccountRateLimiter budget) {
        List<RecordSet> sets = new ArrayList<>();
        rawSets.forget(zone.id());
        read(zone, null, budget, set -> {
            sets.add(set);
            return true;
        });
        return ZoneSnapshot.of(zone.name(), sets);
    }

    @Override
    public List<RecordSet> readName(HostedZoneRef zone, String name) {
        List<RecordSet> sets = new ArrayList<>();
        read(zone, name, null, set -> {
            if (!set.name().equals(name)) {
                return false;
            }
            sets.add(set);
            return true;
        });
        return sets;
    }

    /**
     * Reads record sets page by page from {@code start} (null: the first), remembering stored texts, while
     * {@code each} accepts them; takes a permit of {@code budget} (when given) before each page.
     */
    private void read(HostedZoneRef zone, String start, AccountRateLimiter budget, Predicate<RecordSet> each) {
        String name = start;
        String type = null;
        String identifier = null;
        while (true) {
            if (budget != null) {
                try {
                    budget.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading hosted zone " + zone.id(), e);
                }
            }
            String pageName = name;
            String pageType = type;
            String pageIdentifier = identifier;
            ListResourceRecordSetsResponse page = client.listResourceRecordSets(r -> r.hostedZoneId(zone.id())
                    .maxItems(Integer.toString(RECORD_PAGE_SIZE)).startRecordName(pageName)
                    .startRecordType(pageType).startRecordIdentifier(pageIdentifier));
            for (ResourceRecordSet rrs : page.resourceRecordSets()) {
                RecordSet set = RecordSetMapper.toModel(rrs);
                if (!each.test(set)) {
                    return;
                }
                rawSets.remember(zone.id(), rrs, set);
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return;
            }
            name = page.nextRecordName();
            type = page.nextRecordTypeAsString();
            identifier = page.nextRecordIdentifier();
        }
    }

    @Override
    public ApplyResult apply(HostedZoneRef zone, List<ChangeBatch> batches, boolean waitForInsync) {
        ApplyResult result = NameGroupBisection.apply(batches, changes -> submit(zone, changes));
        if (waitForInsync && !result.changeIds().isEmpty()) {
            waitForInsync(result.changeIds());
        }
        return result;
    }

    @Override
    public String submit(HostedZoneRef zone, List<Change> changes) throws BatchRefusedException {
        List<software.amazon.awssdk.services.route53.model.Change> sdkChanges = changes.stream()
                .map(c -> software.amazon.awssdk.services.route53.model.Change.builder()
                        .action(ChangeAction.fromValue(c.action().name()))
                        .resourceRecordSet(c.action() == io.zonebridge.plan.ChangeAction.DELETE
                                ? rawSets.forDelete(zone.id(), c.recordSet())
                                : RecordSetMapper.toSdk(c.recordSet()))
                        .build())
                .toList();
        try {
            ChangeResourceRecordSetsResponse response = client.changeResourceRecordSets(r -> r
                    .hostedZoneId(zone.id())
                    .changeBatch(b -> b.changes(sdkChanges)));
            return HostedZoneRef.bareId(response.changeInfo().id());
        } catch (InvalidChangeBatchException | InvalidInputException refused) {
            throw new BatchRefusedException(route53Message(refused));
        }
    }

    @Override
    public void waitForInsync(List<String> changeIds) {
        int polls = (int) Math.max(1, insyncTimeout.toMillis() / Math.max(1, insyncPoll.toMillis()) + 1);
        try (Route53Waiter waiter = Route53Waiter.builder().client(client)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(insyncPoll))
                        .maxAttempts(polls).waitTimeout(insyncTimeout))
                .build()) {
            for (String id : changeIds) {
                WaiterResponse<GetChangeResponse> response;
                try {
                    response = waiter.waitUntilResourceRecordSetsChanged(r -> r.id(id));
                } catch (SdkClientException e) {
                    throw notInsync(id, e.getMessage(), e);
                }
                if (response.matched().response().isEmpty()) {
                    Throwable cause = response.matched().exception().orElse(null);
                    throw notInsync(id, cause == null ? "no response" : cause.getMessage(), cause);
                }
            }
        }
    }

    private IllegalStateException notInsync(String changeId, String why, Throwable cause) {
        return new IllegalStateException("change " + changeId + " was applied but did not become INSYNC within "
                + insyncTimeout + ": " + why, cause);
    }

    private static String route53Message(Route53Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }

    private static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }
}
