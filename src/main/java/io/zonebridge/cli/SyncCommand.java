package io.zonebridge.cli;

import io.zonebridge.app.ManagedZone;
import io.zonebridge.app.SyncMode;
import io.zonebridge.app.SyncOutcome;
import io.zonebridge.app.ZonebridgeBeans;
import io.zonebridge.app.ZonebridgeRuntime;
import io.zonebridge.app.config.ConfigException;
import io.zonebridge.app.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code zonebridge sync --once}: every configured zone once (transfer or zone file → plan → safety → apply), with
 * the service's own synchronizer but no Camel, then a per-zone summary. Exits non-zero when any zone failed or was
 * refused by the safety limits.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync every configured zone into Route 53 once, print a summary, and exit.")
public final class SyncCommand implements Callable<Integer> {

    @Option(names = "--once", required = true, description = "Sync every zone once and exit (the service is `run`).")
    boolean once;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ZonebridgeBeans.DEFAULT_CONFIG,
            description = "zonebridge configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--dry-run", description = "Plan and check the safety limits; change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Apply even plans that exceed the safety limits.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!once) {
            throw new ParameterException(spec.commandLine(), "only --once is supported; the service is `zonebridge run`");
        }
        List<SyncOutcome> outcomes = new ArrayList<>();
        try (ZonebridgeRuntime runtime = ZonebridgeRuntime.start(ConfigLoader.fromSystemEnvironment().load(config),
                Clock.systemUTC())) {
            if (runtime.connection().embedded().isPresent()) {
                err.println("note: route53.endpoint is embedded: this local Route 53 lives only while the command runs");
            }
            SyncMode mode = new SyncMode(true, dryRun, force);
            for (ManagedZone zone : runtime.catalog().zones()) {
                outcomes.add(runtime.synchronizer().sync(zone, mode));
            }
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IllegalStateException | software.amazon.awssdk.core.exception.SdkException e) {
            err.println("error: cannot start: " + e.getMessage());   // e.g. the embedded port is taken, Route 53 unreachable
            err.flush();
            return ExitCodes.FAILED;
        }
        printSummary(out, outcomes);
        long failed = outcomes.stream().filter(o -> o.result().isFailure()).count();
        outcomes.stream().filter(o -> o.result().isFailure())
                .forEach(o -> err.println(o.zoneName() + ": " + o.message()));
        err.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void printSummary(PrintWriter out, List<SyncOutcome> outcomes) {
        int width = Math.max(4, outcomes.stream().mapToInt(o -> o.zoneName().length()).max().orElse(4));
        String format = "%-" + width + "s  %12s  %8s  %8s  %8s  %s%n";
        out.printf(format, "ZONE", "SERIAL", "CREATES", "UPDATES", "DELETES", "RESULT");
        for (SyncOutcome o : outcomes) {
            out.printf(format, o.zoneName(), o.serial() == null ? "-" : o.serial(), o.creates(), o.updates(),
                    o.deletes(), o.result());
        }
        long failed = outcomes.stream().filter(o -> o.result().isFailure()).count();
        out.printf("%d zone%s, %d failed%s%n", outcomes.size(), outcomes.size() == 1 ? "" : "s", failed,
                dryRun ? " (dry run: nothing applied)" : "");
        out.flush();
    }
}
