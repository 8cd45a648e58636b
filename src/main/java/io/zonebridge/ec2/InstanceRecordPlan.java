package io.zonebridge.ec2;

import java.util.List;

/**
 * What {@link InstanceRecordPlanner} decided for one instance.
 *
 * @param records           the records the instance should have
 * @param warnings          VPC DNS settings off, ambiguous zones, no host name ...
 * @param associationsNeeded private zones used but not associated with the instance's VPC
 */
public record InstanceRecordPlan(InstanceRecords records, List<DnsWarning> warnings,
                                 List<AssociationNeeded> associationsNeeded) {
    public InstanceRecordPlan {
        warnings = List.copyOf(warnings);
        associationsNeeded = List.copyOf(associationsNeeded);
    }
}
