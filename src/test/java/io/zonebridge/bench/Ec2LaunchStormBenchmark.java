package io.zonebridge.bench;

import io.zonebridge.app.ec2.Ec2Peers;
import io.zonebridge.local.Ec2Timings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Launch storm (not a test): N instances (default 2,000) tagged for the private zone run within a minute through
 * the emulator (throttle 5/s for Route 53 and EC2), then all terminated; the service runs its real routes (ElasticMQ,
 * DynamoDB Local). Prints the AWS calls zonebridge made by operation against the minimum, and the time until
 * Route 53 (forward zone and reverse zone) was complete. Run with {@code bin/bench-ec2 [N]}.
 */
public final class Ec2LaunchStormBenchmark {

    private static final int PER_CALL = 50;
    private static final java.util.concurrent.atomic.AtomicLong POLLS = new java.util.concurrent.atomic.AtomicLong();

    private Ec2LaunchStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("zonebridge-bench-ec2-");
        try (Ec2Peers peers = new Ec2Peers(5, new Ec2Timings(2000, 3_600_000), "10.70.0.0/20")) {
            Path config = peers.writeConfig(dir.resolve("zonebridge.yaml"), "zb-bench-" + System.nanoTime(),
                    "  lateTagWindow: 0s\n");
            peers.startService(config, Map.of());
            Map<String, Long> before = peers.server.counters().snapshot();
            long polls = POLLS.get();
            long start = System.nanoTime();
            List<String> ids = new ArrayList<>();
            int calls = (count + PER_CALL - 1) / PER_CALL;
            long spacingNanos = 55_000_000_000L / Math.max(1, calls);
            for (int i = 0; i < calls; i++) {
                int n = Math.min(PER_CALL, count - ids.size());
                peers.ec2.runInstances(r -> r.imageId("ami-1").minCount(n).maxCount(n).subnetId(peers.subnet)
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                                .tags(Tag.builder().key("ZONE").value(Ec2Peers.ZONE).build()).build()))
                        .instances().stream().map(Instance::instanceId).forEach(ids::add);
                sleepUntil(start + (i + 1) * spacingNanos);
            }
            double launched = seconds(start);
            while (size(peers, peers.zoneId) < count + 2 || size(peers, peers.reverseZoneId) < count + 2) {
                                Thread.sleep(1000);
                if (seconds(start) > 1800) {
                    throw new IllegalStateException("records incomplete after 30 min");
                }
            }
                        double complete = seconds(start);
            Map<String, Long> launch = zonebridgeOnly(since(before, peers.server.counters().snapshot()),
                    POLLS.get() - polls);

            before = peers.server.counters().snapshot();
            polls = POLLS.get();
            start = System.nanoTime();
            for (int from = 0; from < ids.size(); from += 100) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
                peers.ec2.terminateInstances(r -> r.instanceIds(chunk));
            }
            double terminated = seconds(start);
            while (size(peers, peers.zoneId) > 2 || size(peers, peers.reverseZoneId) > 2) {
                                Thread.sleep(1000);
                if (seconds(start) > 1800) {
                    throw new IllegalStateException("records still there after 30 min");
                }
            }
                        double gone = seconds(start);
            Map<String, Long> termination = zonebridgeOnly(since(before, peers.server.counters().snapshot()),
                    POLLS.get() - polls);
            int describeMin = (count + 199) / 200;
            int changeMin = 2 * ((count + 999) / 1000);
            System.out.printf(Locale.ROOT, "EC2 launch storm: %,d instances, emulator throttle 5/s (Route 53 and EC2), "
                            + "debounce 2 s%n", count);
            System.out.printf(Locale.ROOT, "  launch: RunInstances done after %.1f s; A + PTR complete after %.1f s%n",
                    launched, complete);
            System.out.printf(Locale.ROOT, "  zonebridge's calls: %s%n", launch);
            System.out.printf(Locale.ROOT, "  minimum for zonebridge: DescribeInstances %d, DescribeVpcs 1, "
                    + "DescribeVpcAttribute 2, ChangeResourceRecordSets %d (A and PTR, 1,000 a batch), "
                    + "ListHostedZones 1, GetHostedZone 1 (VPCs of the private zone)%n", describeMin, changeMin);
            System.out.printf(Locale.ROOT, "  termination: TerminateInstances done after %.1f s; A + PTR gone after %.1f s%n",
                    terminated, gone);
            System.out.printf(Locale.ROOT, "  zonebridge's calls: %s%n", termination);
            System.out.printf(Locale.ROOT, "  minimum for zonebridge: no EC2 call, ChangeResourceRecordSets %d%n",
                    changeMin);
            System.out.printf(Locale.ROOT, "  throttled answers in all: %d%n", peers.server.counters().throttles());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static long size(Ec2Peers peers, String zone) {
        POLLS.incrementAndGet();
        return peers.route53.getHostedZone(r -> r.id(zone)).hostedZone().resourceRecordSetCount();
    }

    /** The calls without the benchmark's own: RunInstances, TerminateInstances and its GetHostedZone polls. */
    private static Map<String, Long> zonebridgeOnly(Map<String, Long> calls, long polls) {
        Map<String, Long> own = new TreeMap<>(calls);
        own.remove("RunInstances");
        own.remove("TerminateInstances");
        own.computeIfPresent("GetHostedZone", (op, n) -> n - polls > 0 ? n - polls : null);
        return own;
    }

    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> diff = new TreeMap<>();
        after.forEach((op, n) -> {
            long d = n - before.getOrDefault(op, 0L);
            if (d > 0) {
                diff.put(op, d);
            }
        });
        return diff;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
