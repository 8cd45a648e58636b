package io.zonebridge.cli;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.BatchLimitException;
import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.ChangeBatcher;
import io.zonebridge.plan.Plan;
import io.zonebridge.plan.Planner;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.UnsafePlanException;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.route53.ZoneLocator;
import io.zonebridge.route53.ZoneNotFoundException;
import io.zonebridge.sync.VerifiedBatches;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code zonebridge plan}: what would change to make a zone equal to a zone file. Read-only. The current state is
 * a second zone file ({@code --against}) or a hosted zone in Route 53 ({@code --zone}), read whole once and planned
 * as the sync engine plans (its verified batches); such a plan can be saved for {@code apply --plan}.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the changes that would make a zone equal to a zone file (changes nothing).")
public final class PlanCommand implements Callable<Integer> {

    @Mixin
    PlanningOptions planning;

    @Mixin
    Route53Options route53;

    @Mixin
    OutputOptions output;

    @Option(names = "--against", paramLabel = "FILE", description = "Zone file with the current state (instead of --zone).")
    Path against;

    @Option(names = "--save", paramLabel = "FILE",
            description = "With --zone: also write the plan (JSON, with the hosted zone's fingerprint) for `apply --plan FILE`.")
    Path save;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((against == null) == !route53.hasZone()) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --against FILE or --zone NAME|ID");
        }
        if (save != null && against != null) {
            throw new ParameterException(spec.commandLine(), "--save needs --zone: a saved plan is applied to a hosted zone");
        }
        PlanReport.Format format = output.format();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ZoneSnapshot desired = planning.readDesired(err).snapshot();
            PlanFile document;
            if (against != null) {
                ZoneSnapshot current = new ZoneFileReader().read(against, desired.origin());
                Plan plan = new Planner(planning.planOptions()).plan(desired, current);
                document = new PlanFile(plan, new ChangeBatcher(BatchLimits.ROUTE53).batches(plan).size(), null, null);
            } else {
                document = planHostedZone(desired, err);
            }
            new PlanReport(document).print(format, out);
            if (save != null) {
                document.save(save);
                err.println("plan saved to " + save + "; apply it with: zonebridge apply --plan " + save);
            }
            warnIfUnsafe(document.plan(), err);
            return ExitCodes.OK;
        } catch (ZoneFileException | BatchLimitException | ZoneNotFoundException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: " + save + ": cannot write the plan: " + CommandErrors.causes(e));
            return ExitCodes.BAD_INPUT;
        } catch (SdkException e) {
            return route53.failed(e, err);
        } finally {
            err.flush();
        }
    }

    /** One full read of the hosted zone, the plan against it and its verified batches, as the sync engine makes them. */
    private PlanFile planHostedZone(ZoneSnapshot desired, PrintWriter err) {
        Route53ClientFactory factory = new Route53ClientFactory();
        try (Route53Client client = route53.client(factory)) {
            SdkRoute53Gateway gateway = route53.gateway(client, factory);
            HostedZoneRef zone = new ZoneLocator(gateway).locate(route53.selector(), desired.origin());
            ZoneSnapshot current = gateway.readZone(zone);
            Plan plan = new Planner(planning.planOptions()).plan(desired, current);
            err.println("hosted zone " + zone.id() + " (" + (zone.privateZone() ? "private" : "public")
                    + "); API calls: " + gateway.stats());
            return new PlanFile(plan, VerifiedBatches.route53().batches(plan).size(), zone, ZoneFingerprint.of(current));
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
