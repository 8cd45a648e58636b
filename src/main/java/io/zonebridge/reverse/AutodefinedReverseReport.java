package io.zonebridge.reverse;

import java.util.List;

/**
 * What {@link AutodefinedReverseSwitch} did, VPC by VPC.
 *
 * @param vpcs     per VPC: the status before and after (unchanged when it was already off)
 * @param failures VPCs whose config could not be read or changed, with the reason
 */
public record AutodefinedReverseReport(List<VpcStatus> vpcs, List<String> failures) {

    public AutodefinedReverseReport {
        vpcs = List.copyOf(vpcs);
        failures = List.copyOf(failures);
    }

    /** The VPCs whose autodefined reverse rules this run turned off. */
    public List<VpcStatus> changed() {
        return vpcs.stream().filter(VpcStatus::changed).toList();
    }

    /**
     * One VPC's autodefined-reverse status.
     *
     * @param vpc    the VPC
     * @param before the status read first
     * @param after  the status after the update, or {@code before} when no update was needed
     */
    public record VpcStatus(VpcRef vpc, String before, String after) {
        /** True when this run sent an update for the VPC. */
        public boolean changed() {
            return !before.equals(after);
        }
    }
}
