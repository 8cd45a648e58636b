package io.zonebridge.reverse;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step after each organisation reconcile ({@code reverse.reconcile.autodefinedReverse}): turns off the
 * Resolver's autodefined reverse rules, which answer PTR queries with {@code ip-10-0-1-40...} names and shadow the
 * PTRs just written, for the listed VPCs or every VPC of the accounts' private forward zones. What changed is
 * logged (INFO), VPCs that could not be changed (WARN, e.g. owned by another account); the next run tries again.
 */
public final class AutodefinedReverseJob {

    private static final Logger LOG = LoggerFactory.getLogger(AutodefinedReverseJob.class);

    private final AutodefinedReverseMode mode;
    private final AutodefinedReverseSwitch toggle;
    private final Function<Collection<String>, Set<VpcRef>> scope;
    private final AtomicReference<AutodefinedReverseReport> last = new AtomicReference<>();

    /**
     * @param mode   which VPCs (never {@link AutodefinedReverseMode#OFF}: then there is no job)
     * @param toggle the switch for that mode
     * @param scope  the VPCs of the given accounts' private forward zones (asked only in mode {@code all})
     */
    public AutodefinedReverseJob(AutodefinedReverseMode mode, AutodefinedReverseSwitch toggle,
                                 Function<Collection<String>, Set<VpcRef>> scope) {
        if (mode == AutodefinedReverseMode.OFF) {
            throw new IllegalArgumentException("autodefined reverse is off: no job to run");
        }
        this.mode = mode;
        this.toggle = Objects.requireNonNull(toggle, "toggle");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Applies the mode to the accounts just reconciled; never throws (failures are in the report). */
    public AutodefinedReverseReport run(Collection<String> accounts) {
        AutodefinedReverseReport report;
        try {
            report = toggle.apply(mode == AutodefinedReverseMode.ALL ? scope.apply(accounts) : Set.of());
        } catch (RuntimeException e) {
            LOG.warn("autodefined reverse ({}): the VPCs in scope could not be read: {}", mode.label(), e.getMessage());
            return null;
        }
        last.set(report);
        LOG.info("autodefined reverse ({}): {} VPC(s) checked, turned off in {}", mode.label(), report.vpcs().size(),
                report.changed().stream().map(s -> s.vpc().toString()).toList());
        if (!report.failures().isEmpty()) {
            LOG.warn("autodefined reverse ({}): not changed: {}", mode.label(), report.failures());
        }
        return report;
    }

    /** The report of the last run, or {@code null} before the first. */
    public AutodefinedReverseReport lastReport() {
        return last.get();
    }
}
