package io.zonebridge.bench;

import io.zonebridge.app.DesiredState;
import io.zonebridge.app.TransferSource;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.Planner;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.SecondaryZone;
import io.zonebridge.secondary.TransferResult;
import io.zonebridge.secondary.ZoneTransferClient;
import io.zonebridge.zonefile.DnsRecordConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test): a full AXFR of an N-record zone (20 addresses per name) from a real BIND primary,
 * converted while it runs, plus a plan against the hosted zone's copy (the service's path:
 * {@link TransferSource} then the planner), against a second named as a secondary
 * transferring the same zone in the same run (its own "Transfer completed ... secs" figure, a fresh named each
 * round, right after zonebridge's round so both meet the machine in the same state). Prints both medians with their
 * ranges, the ratio, and zonebridge's peak heap. Rounds: at least five and a million records, after a warm-up of at
 * least three rounds and two million records, so the JIT has compiled the path as in a running service. Run with
 * {@code bin/bench-secondary}.
 *
 * <p>Arguments: {@code [records...]} (default 100000 1000000).
 */
public final class TransferBenchmark {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int WARM_UP_RECORDS = 2_000_000;
    private static final Pattern BIND_SECS = Pattern.compile("Transfer completed: .*?([0-9.]+) secs");

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int records) throws Exception {
        String zone = "big.test";
        try (BindPrimary primary = BindPrimary.start(BindPrimary.freePort(), Map.of(zone, zoneText(zone, records)))) {
            // zonebridge: SOA query + AXFR + convert to Route 53's shape + plan against an identical current copy
            ZoneTransferClient client = new ZoneTransferClient();
            SecondaryZone secondary = SecondaryZone.of(zone, List.of(primary.primary()))
                    .withTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(10));
            ZoneSnapshot current = DnsRecordConverter.toSnapshot(zone + ".",
                    client.transfer(secondary, null, null).records());
            // the service's path: TransferSource (AXFR converted while it runs), then the plan
            TransferSource source = new TransferSource(secondary, client);
            // the JIT compiles the path as in a running service: at least three rounds and two million records
            int warmUpRounds = Math.max(WARM_UP_ROUNDS, (WARM_UP_RECORDS + records - 1) / records);
            for (int warmUp = 0; warmUp < warmUpRounds; warmUp++) {
                new Planner(PlanOptions.defaults()).plan(source.fetch(true).snapshot(), current);
                client.transfer(secondary, null, null);
            }
            int rounds = Math.max(5, 1_000_000 / records);
            double[] totalSeconds = new double[rounds];
            double[] planSeconds = new double[rounds];
            double[] axfrSeconds = new double[rounds];
            double[] bindSeconds = new double[rounds];
            long peak = 0;
            TransferResult result = null;
            DesiredState desired = null;
            Plan plan = null;
            for (int round = 0; round < rounds; round++) {
                desired = null;
                System.gc();
                HeapPeaks.reset();
                long start = System.nanoTime();
                desired = source.fetch(true);
                long fetched = System.nanoTime();
                plan = new Planner(PlanOptions.defaults()).plan(desired.snapshot(), current);
                long planned = System.nanoTime();
                peak = Math.max(peak, HeapPeaks.peak());
                totalSeconds[round] = (planned - start) / 1e9;
                planSeconds[round] = (planned - fetched) / 1e9;
                result = null;
                System.gc();
                long axfrStart = System.nanoTime();
                result = client.transfer(secondary, null, null);
                axfrSeconds[round] = (System.nanoTime() - axfrStart) / 1e9;
                // BIND's round right after ours, so both see the machine as it is at that moment
                bindSeconds[round] = bindSecondaryTransferSeconds(zone, primary.port());
            }
            java.util.Arrays.sort(totalSeconds);
            java.util.Arrays.sort(planSeconds);
            java.util.Arrays.sort(axfrSeconds);
            double ours = totalSeconds[rounds / 2];
            double planOnly = planSeconds[rounds / 2];
            double axfr = axfrSeconds[rounds / 2];

            java.util.Arrays.sort(bindSeconds);
            double bind = bindSeconds[rounds / 2];
            System.out.printf(Locale.ROOT, "%,d records (%,d record sets): zonebridge AXFR converted while it runs"
                            + " + plan = %.3f s (median of %d, %.3f..%.3f; plan %.3f s; %d changes), peak heap %,d MB"
                            + " (zone held twice: current + desired); BIND secondary transfer %.3f s (median of %d,"
                            + " %.3f..%.3f); ratio %.2f (the AXFR alone, unconverted: %.3f s, ratio %.2f)%n",
                    result.records().size(), desired.snapshot().size(), ours, rounds, totalSeconds[0],
                    totalSeconds[rounds - 1], planOnly, plan.changes().size(), peak >> 20, bind, rounds,
                    bindSeconds[0], bindSeconds[rounds - 1], ours / bind, axfr, axfr / bind);
        }
    }

    /** Starts a second named as a secondary of the zone and returns the transfer time it reports. */
    private static double bindSecondaryTransferSeconds(String zone, int primaryPort) throws Exception {
        Path dir = Files.createTempDirectory("zonebridge-bench-secondary-");
        int port = BindPrimary.freePort();
        Files.writeString(dir.resolve("named.conf"), """
                options {
                    directory "%1$s"; pid-file "%1$s/named.pid"; session-keyfile "%1$s/session.key";
                    managed-keys-directory "%1$s"; listen-on port %2$d { 127.0.0.1; }; listen-on-v6 { none; };
                    recursion no; dnssec-validation no; notify no;
                };
                zone "%3$s" { type secondary; primaries { 127.0.0.1 port %4$d; }; file "%3$s.bak"; };
                """.formatted(dir, port, zone, primaryPort));
        Process named = new ProcessBuilder("/usr/sbin/named", "-4", "-g", "-c", dir.resolve("named.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                Matcher m = BIND_SECS.matcher(Files.readString(dir.resolve("named.log")));
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
                if (!named.isAlive()) {
                    throw new IllegalStateException("secondary named exited:\n" + Files.readString(dir.resolve("named.log")));
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("secondary named did not finish the transfer");
        } finally {
            named.destroy();
            named.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A zone of {@code records} A records, twenty per name (so 100,000 records fit Route 53's 10,000 record sets). */
    static String zoneText(String zone, int records) {
        StringBuilder text = new StringBuilder(records * 32);
        text.append("$TTL 300\n@ IN SOA ns1.").append(zone).append(". hostmaster.").append(zone)
                .append(". 1 3600 600 86400 60\n@ IN NS ns1.").append(zone).append(".\nns1 IN A 192.0.2.1\n");
        for (int i = 0; i < records; i++) {
            int name = i / 20;
            text.append('h').append(name).append(" IN A 10.").append(name >> 8 & 255).append('.').append(name & 255)
                    .append('.').append(i % 20 + 1).append('\n');
        }
        return text.toString();
    }


}
