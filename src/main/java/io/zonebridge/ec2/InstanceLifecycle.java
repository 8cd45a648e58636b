package io.zonebridge.ec2;

import io.zonebridge.model.RecordSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Turns EC2 events into the record changes they call for, keeping {@link InstanceRecordStore} in step.
 *
 * <ul>
 *   <li>{@code running}: describe the instance and its VPC, plan its records, claim each record and address in the
 *       store, and return upserts for what it owns plus deletes for what it owned before and no longer should
 *       have. A record another instance claimed later is left alone (and reported as a warning).</li>
 *   <li>{@code stopped}, {@code shutting-down}, {@code terminated}: without describing anything, delete exactly
 *       the records the store says the instance made, each unless another instance owns it now.</li>
 *   <li>{@code pending}, {@code stopping}: no change; only the event time is remembered.</li>
 *   <li>CloudTrail {@code CreateTags} or {@code DeleteTags} on instances (tags added after launch, as Auto Scaling
 *       and CloudFormation do, or removed) touching a tag the records depend on
 *       ({@link Ec2DnsSettings#dnsTagKeys()}): the running path again, with the event's tags laid over the
 *       described ones (DescribeInstances may lag behind the call). Other tag changes are ignored.</li>
 * </ul>
 * <b>Order and repeats.</b> The store keeps the time of the last event applied per instance; an event older than
 * that is ignored ({@link InstanceDnsChanges#staleEvent()}), one at the same time is applied again and gives the
 * same changes again, so a message redelivered after a failed apply still carries its work; the deletes are
 * record sets as made, for the caller to diff against the zone (a record already gone needs nothing).
 * A running instance that gets no record at all is listed in {@link InstanceDnsChanges#withoutRecords()}, so
 * the caller can look at it again while its tags may still come (late-tag retry).
 * The description is the truth for the running path: a running event for an instance EC2 now reports as stopped
 * or terminated (or no longer knows) removes its records. Calls are expected one at a time, or for disjoint
 * instances (one consumer, or SQS FIFO message groups by instance).
 */
public final class InstanceLifecycle {

    private final InstanceDescriber instances;
    private final VpcDescriber vpcs;
    private final InstanceRecordPlanner planner;
    private final InstanceRecordStore store;
    private final Supplier<List<CandidateZone>> zones;
    private final int parallelism;

    /** Instances of one batch handled at the same time by default. */
    public static final int DEFAULT_PARALLELISM = 8;

    /**
     * @param zones the hosted zones records may go into, with the VPC associations of private ones; asked once
     *              per batch of events
     */
    public InstanceLifecycle(InstanceDescriber instances, VpcDescriber vpcs, InstanceRecordPlanner planner,
                             InstanceRecordStore store, Supplier<List<CandidateZone>> zones) {
        this(instances, vpcs, planner, store, zones, DEFAULT_PARALLELISM);
    }

    /**
     * @param zones       the hosted zones records may go into, with the VPC associations of private ones; asked
     *                    once per batch of events
     * @param parallelism how many instances of a batch are handled at the same time (each instance's own events
     *                    stay in order)
     */
    public InstanceLifecycle(InstanceDescriber instances, VpcDescriber vpcs, InstanceRecordPlanner planner,
                             InstanceRecordStore store, Supplier<List<CandidateZone>> zones, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.instances = instances;
        this.vpcs = vpcs;
        this.planner = planner;
        this.store = store;
        this.zones = zones;
        this.parallelism = parallelism;
    }

    /** The changes the event calls for (the store is updated). */
    public InstanceDnsChanges handle(Ec2Event event) {
        return handleAll(List.of(event));
    }

    /**
     * The changes a batch of events calls for, such as a launch storm collected over a short window: the
     * instances concerned are described together (a few DescribeInstances calls instead of one per instance),
     * their stored items read together (BatchGetItem) and each VPC described once; then each instance's events
     * are applied in time order, several instances at a time. A failure fails the batch; handling it again is
     * safe (see the class comment on repeats).
     */
    public InstanceDnsChanges handleAll(List<? extends Ec2Event> events) {
        List<Ec2Event> ordered = new ArrayList<>(events.stream().filter(this::mayChangeRecords).toList());
        ordered.sort(Comparator.comparing(Ec2Event::time).thenComparing(InstanceLifecycle::stepOfSameSecond));
        Set<String> toDescribe = new LinkedHashSet<>();
        for (Ec2Event e : ordered) {
            if (!(e instanceof InstanceStateEvent s) || s.state().createsRecords()) {
                toDescribe.addAll(e.instanceIds());
            }
        }
        Map<String, List<Ec2Event>> byInstance = new LinkedHashMap<>();
        for (Ec2Event e : ordered) {
            e.instanceIds().forEach(id -> byInstance.computeIfAbsent(id, k -> new ArrayList<>()).add(e));
        }
        Batch batch = new Batch(toDescribe.isEmpty() ? Map.of() : instances.describeAll(toDescribe),
                byInstance.isEmpty() ? Map.of() : store.getAll(byInstance.keySet()));
        List<Callable<InstanceDnsChanges>> work = new ArrayList<>();
        byInstance.forEach((id, list) -> work.add(() -> instanceEvents(id, list, batch)));
        return InstanceDnsChanges.merge(run(work));
    }

    private InstanceDnsChanges instanceEvents(String id, List<Ec2Event> events, Batch batch) {
        Optional<StoredInstance> stored = batch.stored(id);
        List<InstanceDnsChanges> changes = new ArrayList<>();
        boolean withoutRecords = false;
        for (Ec2Event e : events) {
            Outcome outcome = apply(e, id, stored, batch);
            changes.add(outcome.changes());
            stored = outcome.stored();
            if (!outcome.changes().staleEvent()) {
                withoutRecords = outcome.changes().withoutRecords().contains(id);
            }
        }
        return InstanceDnsChanges.merge(changes).withoutRecords(withoutRecords ? List.of(id) : List.of());
    }

    private List<InstanceDnsChanges> run(List<Callable<InstanceDnsChanges>> work) {
        List<InstanceDnsChanges> results = new ArrayList<>();
        if (parallelism == 1 || work.size() <= 1) {
            for (Callable<InstanceDnsChanges> w : work) {
                results.add(call(w));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, work.size()));
        try {
            List<Future<InstanceDnsChanges>> futures = new ArrayList<>();
            work.forEach(w -> futures.add(pool.submit(w)));
            for (Future<InstanceDnsChanges> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handling EC2 events", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static InstanceDnsChanges call(Callable<InstanceDnsChanges> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** False for tag changes that touch no tag the records depend on (no EC2 or DynamoDB call for those). */
    private boolean mayChangeRecords(Ec2Event event) {
        if (event instanceof InstanceTagsEvent tags) {
            Set<String> keys = planner.settings().dnsTagKeys();
            return tags.tags().keySet().stream().anyMatch(keys::contains);
        }
        return true;
    }

    /** What one batch of events learnt from EC2. */
    private final class Batch {
        private final Map<String, InstanceDescription> described;
        private final Map<String, StoredInstance> stored;
        private final Map<String, Optional<VpcDescription>> vpcs = new ConcurrentHashMap<>();
        private List<CandidateZone> zones;

        Batch(Map<String, InstanceDescription> described, Map<String, StoredInstance> stored) {
            this.described = described;
            this.stored = stored;
        }

        Optional<StoredInstance> stored(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        Optional<InstanceDescription> instance(String id) {
            return Optional.ofNullable(described.get(id));
        }

        synchronized List<CandidateZone> zones() {
            if (zones == null) {
                zones = List.copyOf(InstanceLifecycle.this.zones.get());
            }
            return zones;
        }

        VpcDescription vpc(String vpcId) {
            return vpcId == null ? null : vpcs.computeIfAbsent(vpcId, InstanceLifecycle.this.vpcs::describe).orElse(null);
        }
    }

    /**
     * Order of events with the same time: EventBridge times have whole seconds, so {@code pending} and
     * {@code running} (or {@code stopping} and {@code stopped}) of one instance often share one, and SQS may deliver
     * them in either order. They go in lifecycle order; a tag change after the state change of its second.
     */
    private static int stepOfSameSecond(Ec2Event event) {
        return event instanceof InstanceStateEvent change ? 2 * change.state().ordinal()
                : 2 * InstanceState.RUNNING.ordinal() + 1;
    }

    /** The changes of one event and what the store holds for the instance afterwards. */
    private record Outcome(InstanceDnsChanges changes, Optional<StoredInstance> stored) {
    }

    private Outcome apply(Ec2Event event, String id, Optional<StoredInstance> stored, Batch batch) {
        if (stored.isPresent() && (stored.get().lastEventTime().isAfter(event.time())
                || stored.get().lastEventTime().equals(event.time()) && event instanceof InstanceStateEvent change
                && change.state().ordinal() < stored.get().state().ordinal())) {
            return new Outcome(InstanceDnsChanges.stale(), stored);
        }
        if (event instanceof InstanceTagsEvent tags) {
            return running(id, tags.time(), tags.tags(), stored, batch);
        }
        InstanceStateEvent change = (InstanceStateEvent) event;
        if (change.state().createsRecords()) {
            return running(id, change.time(), Map.of(), stored, batch);
        }
        if (change.state().removesRecords()) {
            return remove(id, change.state(), change.time(), stored);
        }
        InstanceRecords kept = stored.map(StoredInstance::records).orElse(InstanceRecords.none(id));
        return new Outcome(InstanceDnsChanges.none(), save(new StoredInstance(kept, change.state(), change.time())));
    }

    private Outcome running(String id, Instant time, Map<String, String> extraTags,
                            Optional<StoredInstance> stored, Batch batch) {
        Optional<InstanceDescription> described = batch.instance(id);
        if (described.isEmpty() || described.get().state().removesRecords()) {
            return remove(id, described.map(InstanceDescription::state).orElse(InstanceState.TERMINATED), time, stored);
        }
        InstanceDescription instance = described.get().withTags(extraTags);
        if (instance.state() != InstanceState.RUNNING && instance.state() != InstanceState.PENDING) {
            return new Outcome(InstanceDnsChanges.none(), stored);
        }
        InstanceRecordPlan plan = planner.plan(instance, batch.vpc(instance.vpcId()), batch.zones());
        List<DnsWarning> warnings = new ArrayList<>(plan.warnings());

        Map<String, List<RecordSet>> upserts = new LinkedHashMap<>();
        List<OwnedRecord> owned = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (OwnedRecord r : plan.records().records()) {
            planned.add(identity(r));
            if (store.claimRecord(r.hostedZoneId(), r.recordSet().key(), id, time)) {
                owned.add(r);
                upserts.computeIfAbsent(r.hostedZoneId(), z -> new ArrayList<>()).add(r.recordSet());
            } else {
                warnings.add(new DnsWarning(id, "instance " + id + ": " + r.recordSet().key() + " in zone "
                        + r.hostedZoneId() + " belongs to instance "
                        + store.recordOwner(r.hostedZoneId(), r.recordSet().key()).orElse("?") + "; left alone"));
            }
        }
        List<AddressName> ownedAddresses = new ArrayList<>();
        Set<String> plannedAddresses = new HashSet<>();
        for (AddressName a : plan.records().addresses()) {
            plannedAddresses.add(a.address());
            if (store.claimAddress(a, id, time)) {
                ownedAddresses.add(a);
            }
        }
        Map<String, List<RecordSet>> deletes = new LinkedHashMap<>();
        List<AddressName> ptrDeletes = new ArrayList<>();
        if (stored.isPresent()) {
            for (OwnedRecord r : stored.get().records().records()) {
                if (!planned.contains(identity(r)) && store.releaseRecord(r.hostedZoneId(), r.recordSet().key(), id)) {
                    deletes.computeIfAbsent(r.hostedZoneId(), z -> new ArrayList<>()).add(r.recordSet());
                }
            }
            for (AddressName a : stored.get().records().addresses()) {
                if (!plannedAddresses.contains(a.address()) && store.releaseAddress(a.address(), id)) {
                    ptrDeletes.add(a);
                }
            }
        }
        Optional<StoredInstance> now = save(new StoredInstance(new InstanceRecords(id, owned, ownedAddresses),
                InstanceState.RUNNING, time));
        boolean bare = plan.records().records().isEmpty() && plan.records().addresses().isEmpty();
        return new Outcome(new InstanceDnsChanges(upserts, deletes, ownedAddresses, ptrDeletes, warnings,
                plan.associationsNeeded(), false, bare ? List.of(id) : List.of()), now);
    }

    private Outcome remove(String id, InstanceState state, Instant time, Optional<StoredInstance> stored) {
        Map<String, List<RecordSet>> deletes = new LinkedHashMap<>();
        List<AddressName> ptrDeletes = new ArrayList<>();
        if (stored.isPresent()) {
            for (OwnedRecord r : stored.get().records().records()) {
                if (store.releaseRecord(r.hostedZoneId(), r.recordSet().key(), id)) {
                    deletes.computeIfAbsent(r.hostedZoneId(), z -> new ArrayList<>()).add(r.recordSet());
                }
            }
            for (AddressName a : stored.get().records().addresses()) {
                if (store.releaseAddress(a.address(), id)) {
                    ptrDeletes.add(a);
                }
            }
        }
        Optional<StoredInstance> now = save(new StoredInstance(
                stored.map(StoredInstance::records).orElse(InstanceRecords.none(id)), state, time));
        return new Outcome(new InstanceDnsChanges(Map.of(), deletes, List.of(), ptrDeletes, List.of(), List.of(), false), now);
    }

    /** Stores the instance; what the store holds afterwards (a newer event's item when one won meanwhile). */
    private Optional<StoredInstance> save(StoredInstance instance) {
        return store.put(instance) ? Optional.of(instance) : store.get(instance.instanceId());
    }

    private static String identity(OwnedRecord r) {
        return r.hostedZoneId() + " " + r.recordSet().key();
    }
}
