package io.zonebridge.cli;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.BatchLimitException;
import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.UnsafePlanException;
import io.zonebridge.zonefile.ZoneFileException;
import io.zonebridge.zonefile.ZoneFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code zonebridge plan}: what would change to make a zone equal to a zone file. Read-only.
 * The current state comes from a second zone file ({@code --against}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the changes that would make a zone equal to a zone file (changes nothing).")
public final class PlanCommand implements Callable<Integer> {

    @Mixin
    PlanningOptions planning;

    @Option(names = "--against", paramLabel = "FILE", required = true,
            description = "Zone file with the current state.")
    Path against;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ZoneSnapshot desired = planning.readDesired(err).snapshot();
            ZoneSnapshot current = new ZoneFileReader().read(against, desired.origin());
            Plan plan = new Planner(planning.planOptions()).plan(desired, current);
            List<ChangeBatch> batches = new ChangeBatcher(BatchLimits.ROUTE53).batches(plan);
            PlanReport report = new PlanReport(plan, batches);
            if (planning.json) {
                report.printJson(out);
            } else {
                report.printTable(out);
            }
            warnIfUnsafe(plan, err);
            return ExitCodes.OK;
        } catch (ZoneFileException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (BatchLimitException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    static void warnIfUnsafe(Plan plan, PrintWriter err) {
        try {
            SafetyLimits.DEFAULT.check(plan, false);
        } catch (UnsafePlanException e) {
            err.println("warning: apply would refuse this plan: " + e.getMessage());
            err.flush();
        }
    }
}
