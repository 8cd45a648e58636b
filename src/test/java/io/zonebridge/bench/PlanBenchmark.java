package io.zonebridge.bench;

import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.Planner;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): times {@link Planner#plan} plus {@link ChangeBatcher#batches} on a zone of N
 * record sets (default 1,000,000) against a copy with 1% changed (a third each created, updated, deleted),
 * and prints wall time (median, min) and peak heap. Run with {@code bin/bench-plan}.
 *
 * <p>Arguments: {@code [recordSets] [warmUpRounds] [measuredRounds]}. The two zones are built from
 * separate objects (as a zone transfer and a Route 53 listing would be), so equality is never decided
 * by identity.
 */
public final class PlanBenchmark {

    private static final String ORIGIN = "example.com.";

    private PlanBenchmark() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        long buildStart = System.nanoTime();
        ZoneSnapshot current = ZoneSnapshot.of(ORIGIN, zone(size, false));
        ZoneSnapshot desired = ZoneSnapshot.of(ORIGIN, zone(size, true));
        System.out.printf(Locale.ROOT, "zone of %,d record sets (desired %,d), built in %.1f s%n",
                current.size(), desired.size(), (System.nanoTime() - buildStart) / 1e9);

        Planner planner = new Planner(PlanOptions.defaults());
        ChangeBatcher batcher = new ChangeBatcher(BatchLimits.ROUTE53);
        for (int i = 0; i < warmUps; i++) {
            batcher.batches(planner.plan(desired, current));
        }

        long baseline = settledHeapUsed();
        long[] planNanos = new long[rounds];
        long[] totalNanos = new long[rounds];
        long[] cpuNanos = new long[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long peak = 0;
        long gcMillis = gcMillis();
        Plan plan = null;
        List<ChangeBatch> batches = null;
        for (int i = 0; i < rounds; i++) {
            HeapPeaks.reset();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            plan = planner.plan(desired, current);
            long planned = System.nanoTime();
            batches = batcher.batches(plan);
            long end = System.nanoTime();
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            planNanos[i] = planned - start;
            totalNanos[i] = end - start;
            peak = Math.max(peak, HeapPeaks.peak());
        }
        gcMillis = gcMillis() - gcMillis;

        System.out.printf(Locale.ROOT, "plan: %,d changes (%d creates, %d upserts, %d deletes) in %,d batches%n",
                plan.changes().size(), plan.count(ChangeAction.CREATE), plan.count(ChangeAction.UPSERT),
                plan.count(ChangeAction.DELETE), batches.size());
        System.out.printf(Locale.ROOT, "Planner.plan:                 median %7.1f ms, min %7.1f ms%n",
                median(planNanos) / 1e6, min(planNanos) / 1e6);
        System.out.printf(Locale.ROOT, "plan + ChangeBatcher.batches: median %7.1f ms, min %7.1f ms (%d warm-up, %d measured rounds)%n",
                median(totalNanos) / 1e6, min(totalNanos) / 1e6, warmUps, rounds);
        System.out.printf(Locale.ROOT, "plan + batches, CPU time of the thread: median %7.1f ms, min %7.1f ms"
                + " (less sensitive to other load; %d processors, load average %.1f)%n", median(cpuNanos) / 1e6,
                min(cpuNanos) / 1e6, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "heap: %,d MB live after System.gc() (both zones), peak %,d MB during plan + batches"
                        + " (sum of heap pool peaks), so at most %,d MB above the baseline; GC %,d ms over the measured rounds%n",
                baseline >> 20, peak >> 20, Math.max(0, peak - baseline) >> 20, gcMillis);
        System.out.printf(Locale.ROOT, "target under 2 s for 1,000,000 record sets: %s%n",
                size >= 1_000_000 ? (median(totalNanos) < 2_000_000_000L ? "met" : "MISSED") : "n/a at this size");
    }

    /**
     * Hosts {@code host-K.site-S.example.com.} with an A record; every 3rd host an AAAA, every 5th a TXT,
     * every 10th a {@code www-K} CNAME to it, every 20th an MX at {@code mail-K}. With {@code changed},
     * every 300th set is left out, every 300th (offset 100) gets a new value or TTL, and as many
     * new alias record sets are added: 1% changed, a third each.
     */
    private static List<RecordSet> zone(int size, boolean changed) {
        List<RecordSet> sets = new ArrayList<>(size + size / 200);
        int index = 0;
        for (int host = 0; index < size; host++) {
            String name = "host-" + host + ".site-" + (host % 997) + "." + ORIGIN;
            index = add(sets, index, size, changed, RecordSet.of(name, "A", 300, ipv4(host)));
            if (host % 3 == 0) {
                index = add(sets, index, size, changed, RecordSet.of(name, "AAAA", 300, "2001:db8::" + Integer.toHexString(host)));
            }
            if (host % 5 == 0) {
                index = add(sets, index, size, changed,
                        RecordSet.of(name, "TXT", 300, "\"owner=team-" + (host % 41) + "\"", "\"v=spf1 include:_spf." + ORIGIN + " ~all\""));
            }
            if (host % 10 == 0) {
                index = add(sets, index, size, changed, RecordSet.of("www-" + host + "." + ORIGIN, "CNAME", 300, name));
            }
            if (host % 20 == 0) {
                index = add(sets, index, size, changed,
                        RecordSet.of("mail-" + host + "." + ORIGIN, "MX", 3600, "10 mx1." + ORIGIN, "20 mx2." + ORIGIN));
            }
        }
        if (changed) {
            for (int i = 0; i < size / 300; i++) {
                sets.add(new RecordSet(RecordKey.of("new-" + i + "." + ORIGIN, i % 7 == 0 ? "AAAA" : "A"), null, List.of(),
                        new AliasTarget("Z2FDTNDATAQYW2", "lb-" + i + ".elb.amazonaws.com.", false), Routing.SIMPLE));
            }
        }
        return sets;
    }

    private static int add(List<RecordSet> sets, int index, int size, boolean changed, RecordSet set) {
        if (index >= size) {
            return index;
        }
        if (!changed || index % 100 != 0 || index % 300 == 200) {
            sets.add(set);
        } else if (index % 300 == 100) {
            sets.add(set.type().equals("A") ? RecordSet.of(set.name(), "A", 300, "192.0.2." + (index % 250))
                    : set.withTtl(60));
        }
        // else (index % 300 == 0): deleted from the desired zone
        return index + 1;
    }

    private static String ipv4(int host) {
        return "10." + ((host >> 16) & 255) + "." + ((host >> 8) & 255) + "." + (host & 255);
    }

    private static long settledHeapUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }



    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
