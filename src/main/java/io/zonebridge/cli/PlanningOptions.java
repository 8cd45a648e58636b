package io.zonebridge.cli;

import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SyncPolicy;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.ZoneFileException;
import io.zonebridge.zonefile.ZoneFileReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by {@code plan} and {@code apply}: the desired zone file and how to compare. */
public final class PlanningOptions {

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "Zone file with the desired state (BIND format).")
    Path from;

    @Option(names = "--origin", paramLabel = "NAME", description = "Zone origin, when the file has no $ORIGIN.")
    String origin;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "sync", converter = SyncPolicyConverter.class,
            description = "sync (create, update, delete), upsert-only or create-only (default: ${DEFAULT-VALUE}).")
    SyncPolicy policy;

    @Option(names = "--ignore-ttl", description = "Leave TTL-only differences alone.")
    boolean ignoreTtl;

    @Option(names = "--types", split = ",", paramLabel = "TYPE", description = "Manage only these record types (default: all).")
    List<String> types = new ArrayList<>();

    @Option(names = "--leave-alone", split = ",", paramLabel = "NAME",
            description = "Names (or *.subtree) never planned, in any spelling Route 53 accepts, e.g. legacy.example.com,*.lab.example.com")
    List<String> leaveAlone = new ArrayList<>();

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    /** The planner options these flags select. */
    PlanOptions planOptions() {
        return PlanOptions.defaults()
                .withPolicy(policy)
                .withIgnoreTtl(ignoreTtl)
                .withManagedTypes(types.stream().map(String::toUpperCase).toArray(String[]::new))
                .withIgnored(leaveAlone.stream().map(RecordNameCodec::canonical).toArray(String[]::new));
    }

    /** Reads the desired zone file; unsupported types are reported on {@code stderr}. */
    ConvertedZone readDesired(java.io.PrintWriter err) throws ZoneFileException {
        ConvertedZone zone = new ZoneFileReader().convert(from, origin);
        zone.skippedByType().forEach((type, count) ->
                err.printf("note: %d %s record%s in %s skipped (Route 53 does not support the type)%n",
                        count, type, count == 1 ? "" : "s", from));
        err.flush();
        return zone;
    }
}
