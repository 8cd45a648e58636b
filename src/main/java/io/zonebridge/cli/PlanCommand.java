package io.zonebridge.cli;

import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.ZoneLocator;
import io.zonebridge.sync.SyncEngine;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.BatchLimitException;
import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.UnsafePlanException;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.route53.ZoneNotFoundException;
import io.zonebridge.zonefile.ZoneFileException;
import io.zonebridge.zonefile.ZoneFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code zonebridge plan}: what would change to make a zone equal to a zone file. Read-only. The
 * current state is a second zone file ({@code --against}) or a hosted zone in Route 53 ({@code --zone}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the changes that would make a zone equal to a zone file (changes nothing).")
public final class PlanCommand implements Callable<Integer> {

    @Mixin
    PlanningOptions planning;

    @Mixin
    Route53Options route53;

    @Option(names = "--against", paramLabel = "FILE", description = "Zone file with the current state (instead of --zone).")
    Path against;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((against == null) == !route53.hasZone()) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --against FILE or --zone NAME|ID");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ZoneSnapshot desired = planning.readDesired(err).snapshot();
            Plan plan;
            List<ChangeBatch> batches;
            if (against != null) {
                ZoneSnapshot current = new ZoneFileReader().read(against, desired.origin());
                plan = new Planner(planning.planOptions()).plan(desired, current);
                batches = new ChangeBatcher(BatchLimits.ROUTE53).batches(plan);
            } else {
                Route53ClientFactory factory = new Route53ClientFactory();
                try (Route53Client client = route53.client(factory)) {
                    SdkRoute53Gateway gateway = route53.gateway(client, factory);
                    HostedZoneRef zone = new ZoneLocator(gateway).locate(route53.selector(), desired.origin());
                    SyncEngine.Planned remote = new SyncEngine(gateway, SafetyLimits.DEFAULT, false)
                            .plan(zone, desired, planning.planOptions());
                    plan = remote.plan();
                    batches = remote.batches();
                    err.println("hosted zone " + remote.zone().id() + " (" + (remote.zone().privateZone() ? "private" : "public")
                            + "); API calls: " + gateway.stats());
                }
            }
            PlanReport report = new PlanReport(plan, batches);
            if (planning.json) {
                report.printJson(out);
            } else {
                report.printTable(out);
            }
            warnIfUnsafe(plan, err);
            return ExitCodes.OK;
        } catch (ZoneFileException | BatchLimitException | ZoneNotFoundException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (SdkException e) {
            err.println("error: Route 53: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    static void warnIfUnsafe(Plan plan, PrintWriter err) {
        try {
            SafetyLimits.DEFAULT.check(plan, false);
        } catch (UnsafePlanException e) {
            err.println("warning: apply would refuse this plan: " + e.getMessage());
        }
        err.flush();
    }
}
