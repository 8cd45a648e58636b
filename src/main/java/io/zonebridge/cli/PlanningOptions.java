package io.zonebridge.cli;

import io.zonebridge.plan.PlanOptions;
import io.zonebridge.plan.SyncPolicy;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.zonefile.ConvertedZone;
import io.zonebridge.zonefile.ZoneFileException;
import io.zonebridge.zonefile.ZoneFileReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by {@code plan} and {@code apply} (a mixin): the desired zone file and how to compare. */
public final class PlanningOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", description = "Zone file with the desired state (BIND format).")
    Path from;

    @Option(names = "--origin", paramLabel = "NAME", description = "Zone origin, when the file has no $ORIGIN.")
    String origin;

    SyncPolicy policy = SyncPolicy.SYNC;

    @Option(names = "--ignore-ttl", description = "Leave TTL-only differences alone.")
    boolean ignoreTtl;

    List<String> types = List.of();

    List<String> leaveAlone = List.of();

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "sync",
            description = "sync (create, update, delete), upsert-only or create-only (default: ${DEFAULT-VALUE}).")
    void policy(String text) {
        try {
            policy = SyncPolicy.fromLabel(text);
        } catch (IllegalArgumentException e) {
            throw OptionValues.error(spec, "--policy", e.getMessage());
        }
    }

    @Option(names = "--types", split = ",", paramLabel = "TYPE",
            description = "Manage only these record types, of those Route 53 supports (default: all).")
    void types(List<String> texts) {
        types = OptionValues.recordTypes(spec, "--types", texts);
    }

    @Option(names = "--leave-alone", split = ",", paramLabel = "NAME",
            description = "Names (or *.subtree) never planned, in any spelling Route 53 accepts, e.g. legacy.example.com,*.lab.example.com")
    void leaveAlone(List<String> names) {
        List<String> canonical = new ArrayList<>();
        for (String name : names) {
            try {
                canonical.add(RecordNameCodec.canonical(name));
            } catch (IllegalArgumentException e) {
                throw OptionValues.error(spec, "--leave-alone", e.getMessage());
            }
        }
        leaveAlone = canonical;
    }

    /** The zone file to plan from; a usage error when not given. */
    Path from() {
        if (from == null) {
            throw new ParameterException(spec.commandLine(), "--from FILE is required");
        }
        return from;
    }

    /** The planner options these flags select. */
    PlanOptions planOptions() {
        return PlanOptions.defaults()
                .withPolicy(policy)
                .withIgnoreTtl(ignoreTtl)
                .withManagedTypes(types.toArray(String[]::new))
                .withIgnored(leaveAlone.toArray(String[]::new));
    }

    /** Reads the desired zone file; unsupported types are reported on {@code stderr}. */
    ConvertedZone readDesired(java.io.PrintWriter err) throws ZoneFileException {
        ConvertedZone zone = new ZoneFileReader().convert(from(), origin);
        zone.skippedByType().forEach((type, count) ->
                err.printf("note: %d %s record%s in %s skipped (Route 53 does not support the type)%n",
                        count, type, count == 1 ? "" : "s", from));
        err.flush();
        return zone;
    }
}
