package io.zonebridge.reverse;

import io.zonebridge.route53.ResolverConfigGateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns off the Resolver's autodefined reverse rules (which shadow zonebridge's PTRs) for the VPCs the
 * {@link AutodefinedReverseMode} selects: none, the configured list, or every VPC associated with a private
 * forward zone in scope. Idempotent: each VPC's config is read first, and a VPC already {@code DISABLED}
 * (or {@code DISABLING}) is reported unchanged without an update. A VPC whose config cannot be read or
 * changed (unknown VPC, owned by another account, access denied) is reported as a failure; the others go on.
 */
public final class AutodefinedReverseSwitch {

    private static final Set<String> ALREADY_OFF = Set.of("DISABLED", "DISABLING");

    private final AutodefinedReverseMode mode;
    private final List<VpcRef> listed;
    private final Function<String, ResolverConfigGateway> gatewayByRegion;

    /**
     * @param mode            which VPCs
     * @param listed          the configured VPCs (used in {@link AutodefinedReverseMode#LISTED})
     * @param gatewayByRegion the Resolver gateway of a region (of the account owning the VPCs)
     */
    public AutodefinedReverseSwitch(AutodefinedReverseMode mode, Collection<VpcRef> listed,
                                    Function<String, ResolverConfigGateway> gatewayByRegion) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.listed = List.copyOf(listed);
        this.gatewayByRegion = Objects.requireNonNull(gatewayByRegion, "gatewayByRegion");
        if (mode == AutodefinedReverseMode.LISTED && this.listed.isEmpty()) {
            throw new IllegalArgumentException("autodefined-reverse mode 'listed' needs at least one VPC");
        }
    }

    /**
     * Applies the mode.
     *
     * @param vpcsInScope the VPCs of the private forward zones in scope (used in {@link AutodefinedReverseMode#ALL})
     */
    public AutodefinedReverseReport apply(Collection<VpcRef> vpcsInScope) {
        Set<VpcRef> targets = new TreeSet<>(switch (mode) {
            case OFF -> List.<VpcRef>of();
            case LISTED -> listed;
            case ALL -> vpcsInScope;
        });
        List<AutodefinedReverseReport.VpcStatus> statuses = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (VpcRef vpc : targets) {
            try {
                ResolverConfigGateway gateway = gatewayByRegion.apply(vpc.region());
                String before = gateway.autodefinedReverse(vpc.id());
                String after = ALREADY_OFF.contains(before) ? before : gateway.disableAutodefinedReverse(vpc.id());
                statuses.add(new AutodefinedReverseReport.VpcStatus(vpc, before, after));
            } catch (RuntimeException e) {
                failures.add(vpc + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return new AutodefinedReverseReport(statuses, failures);
    }
}
