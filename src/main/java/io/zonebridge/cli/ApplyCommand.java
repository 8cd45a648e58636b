package io.zonebridge.cli;

import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.ZoneLocator;
import io.zonebridge.sync.SyncEngine;
import io.zonebridge.sync.SyncReport;
import io.zonebridge.sync.SyncRequest;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.BatchLimitException;
import io.zonebridge.plan.SafetyLimits;
import io.zonebridge.plan.UnsafePlanException;
import io.zonebridge.route53.ApplyResult;
import io.zonebridge.route53.Route53ClientFactory;
import io.zonebridge.route53.SdkRoute53Gateway;
import io.zonebridge.route53.ZoneNotFoundException;
import io.zonebridge.zonefile.ZoneFileException;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code zonebridge apply}: make a hosted zone equal to a zone file, through the {@link SyncEngine} (one full read,
 * the plan against it, verified batches). Prints the plan, applies it batch by batch with progress, and reports the
 * API calls made and any change group Route 53 refused. With {@code --plan FILE} it applies a reviewed plan
 * instead ({@link SavedPlan}), refusing it when the hosted zone changed since the plan was made.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make a Route 53 hosted zone equal to a zone file (--from), or apply a reviewed plan (--plan).",
                "With --plan FILE (written by `plan --zone ... --save FILE`), the hosted zone is read whole first and"
                        + " the plan is refused (exit 3, nothing changed) unless the zone is exactly as it was when the"
                        + " plan was made: the fingerprint of every record set, touched by the plan or not, must match;"
                        + " the touched sets that changed are named."})
public final class ApplyCommand implements Callable<Integer> {

    @Mixin
    PlanningOptions planning;

    @Mixin
    Route53Options route53;

    @Mixin
    OutputOptions output;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Apply this reviewed plan (from `plan --save FILE`) instead of planning from --from.")
    Path savedPlan;

    @Option(names = "--force", description = "Apply even when the plan exceeds the safety limit.")
    boolean force;

    double maxChangeShare;

    @Option(names = "--max-change-share", paramLabel = "SHARE", defaultValue = "0.30",
            description = "Safety limit: largest share of the zone to update or delete, above 0 and at most 1"
                    + " (default: ${DEFAULT-VALUE}).")
    void maxChangeShare(String text) {
        maxChangeShare = OptionValues.share(spec, "--max-change-share", text);
    }

    @Option(names = "--wait", description = "Wait until Route 53 reports the changes INSYNC.")
    boolean waitForInsync;

    @Option(names = "--dry-run", description = "Plan and check the safety limit, change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (savedPlan != null) {
            if (planning.from != null || route53.hasZone()) {
                throw new ParameterException(spec.commandLine(),
                        "--plan FILE names its hosted zone and changes: give it without --from and --zone");
            }
            return applySavedPlan();
        }
        if (!route53.hasZone()) {
            throw new ParameterException(spec.commandLine(), "--zone NAME|ID is required");
        }
        PlanReport.Format format = output.format();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ZoneSnapshot desired = planning.readDesired(err).snapshot();
            Route53ClientFactory factory = new Route53ClientFactory();
            try (Route53Client client = route53.client(factory)) {
                SdkRoute53Gateway gateway = route53.gateway(client, factory);
                HostedZoneRef zone = new ZoneLocator(gateway).locate(route53.selector(), desired.origin());
                SafetyLimits limits = new SafetyLimits(maxChangeShare, SafetyLimits.DEFAULT.minZoneSize());
                SyncEngine engine = new SyncEngine(gateway, limits, waitForInsync);
                SyncEngine.Planned remote = engine.plan(zone, desired, planning.planOptions());
                new PlanReport(new PlanFile(remote.plan(), remote.batches().size(), zone, null)).print(format, out);
                limits.check(remote.plan(), force);
                if (dryRun || remote.plan().isEmpty()) {
                    out.println((dryRun ? "Dry run: nothing applied." : "Nothing to apply.") + " API calls: " + gateway.stats());
                    return ExitCodes.OK;
                }
                engine.onProgress((done, total, part) -> progress(done, total, part, err));
                SyncReport applied = engine.sync(zone, desired, planning.planOptions(),
                        new SyncRequest(force, false, false, null));
                if (applied.result() == SyncReport.Result.REFUSED) {
                    err.println("refused: " + applied.detail());
                    return ExitCodes.REFUSED;
                }
                ApplyResult result = applied.applied();
                out.printf("Applied %d change%s to %s in %d request%s; API calls: %s%n", result.appliedChanges(),
                        result.appliedChanges() == 1 ? "" : "s", remote.zone().id(), result.changeIds().size(),
                        result.changeIds().size() == 1 ? "" : "s", gateway.stats());
                result.failures().forEach(f -> err.printf("failed: %s (%d change%s): %s%n",
                        f.name(), f.changes(), f.changes() == 1 ? "" : "s", f.message()));
                return result.isComplete() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        } catch (UnsafePlanException e) {
            err.println("refused: " + e.getMessage());
            return ExitCodes.REFUSED;
        } catch (ZoneFileException | BatchLimitException | ZoneNotFoundException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (SdkException e) {
            return route53.failed(e, err);
        } finally {
            err.flush();
            out.flush();
        }
    }

    /** Applies the plan in {@link #savedPlan} when its hosted zone is exactly as it was planned against. */
    private int applySavedPlan() {
        PlanReport.Format format = output.format();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SavedPlan reviewed = new SavedPlan(PlanFile.read(savedPlan));
            Route53ClientFactory factory = new Route53ClientFactory();
            try (Route53Client client = route53.client(factory)) {
                SdkRoute53Gateway gateway = route53.gateway(client, factory);
                ZoneSnapshot current = gateway.readZone(reviewed.zone());
                Optional<String> stale = reviewed.staleAgainst(current);
                if (stale.isPresent()) {
                    err.println("refused: " + stale.get());
                    return ExitCodes.REFUSED;
                }
                new PlanReport(reviewed.file()).print(format, out);
                new SafetyLimits(maxChangeShare, SafetyLimits.DEFAULT.minZoneSize()).check(reviewed.plan(current), force);
                if (dryRun || reviewed.file().plan().isEmpty()) {
                    out.println((dryRun ? "Dry run: nothing applied." : "Nothing to apply.") + " API calls: " + gateway.stats());
                    return ExitCodes.OK;
                }
                SavedPlan.Sent sent = reviewed.send(gateway);
                if (waitForInsync && !sent.changeIds().isEmpty()) {
                    gateway.waitForInsync(sent.changeIds());
                }
                out.printf("Applied %d change%s to %s in %d request%s; API calls: %s%n", sent.appliedChanges(),
                        sent.appliedChanges() == 1 ? "" : "s", reviewed.zone().id(), sent.changeIds().size(),
                        sent.changeIds().size() == 1 ? "" : "s", gateway.stats());
                if (!sent.complete()) {
                    err.printf("refused: Route 53 refused batch %d of %d (the zone changed while applying; %s): %s%n",
                            sent.refusedBatch(), sent.batches(),
                            sent.refusedBatch() == 1 ? "nothing applied" : "the batches before it were applied",
                            sent.refusal());
                    return ExitCodes.REFUSED;
                }
                return ExitCodes.OK;
            }
        } catch (UnsafePlanException e) {
            err.println("refused: " + e.getMessage());
            return ExitCodes.REFUSED;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (SdkException e) {
            return route53.failed(e, err);
        } finally {
            err.flush();
            out.flush();
        }
    }

    private static void progress(int done, int total, ApplyResult part, PrintWriter err) {
        if (total > 1) {
            err.printf("batch %d/%d: %d change%s applied%s%n", done, total, part.appliedChanges(),
                    part.appliedChanges() == 1 ? "" : "s",
                    part.isComplete() ? "" : ", " + part.failures().size() + " name group(s) refused");
            err.flush();
        }
    }
}
