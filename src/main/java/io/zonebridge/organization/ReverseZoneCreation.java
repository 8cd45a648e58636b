package io.zonebridge.organization;

import io.zonebridge.reverse.VpcRef;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step before each organisation reconcile ({@code reverse.createZones}): the configured reverse zones the network
 * account lacks are created as private zones associated with the configured VPCs, so the reconcile can fill them.
 * Existing zones are left as they are; a failure is logged and the reconcile goes on with the zones there are.
 */
public final class ReverseZoneCreation {

    private static final Logger LOG = LoggerFactory.getLogger(ReverseZoneCreation.class);

    private final ReverseZoneProvisioner provisioner;
    private final List<String> zones;
    private final List<VpcRef> vpcs;

    /**
     * @param provisioner creates zones in the network account
     * @param zones       the reverse zones that must exist
     * @param vpcs        the VPCs a created zone is associated with (at least one)
     */
    public ReverseZoneCreation(ReverseZoneProvisioner provisioner, List<String> zones, List<VpcRef> vpcs) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.zones = List.copyOf(zones);
        this.vpcs = List.copyOf(vpcs);
    }

    /** Creates the missing zones; returns their names (empty when none was missing or creation failed). */
    public List<String> run() {
        try {
            List<String> created = provisioner.createMissing(zones, vpcs);
            if (!created.isEmpty()) {
                LOG.info("reverse zones created (private, associated with {}): {}", vpcs, created);
            }
            return created;
        } catch (RuntimeException e) {
            LOG.warn("reverse zones {} could not be created: {}", zones, e.getMessage());
            return List.of();
        }
    }
}
