package io.zonebridge.route53;

import java.util.Optional;

/**
 * What the user said about the hosted zone to work on: an id, or a name plus, when public and
 * private zones share the name, which one (and optionally the VPC a private zone serves).
 *
 * @param idOrName    bare or prefixed hosted zone id, or a zone name
 * @param privateZone {@code true} for the private zone, {@code false} for the public one, empty when not said
 * @param vpcId       VPC the private zone must be associated with, when given
 * @param vpcRegion   region of that VPC
 */
public record ZoneSelector(String idOrName, Optional<Boolean> privateZone, Optional<String> vpcId, String vpcRegion) {

    /** Whether the text looks like a hosted zone id ({@code Z...} or {@code /hostedzone/Z...}). */
    public boolean isId() {
        String bare = HostedZoneRef.bareId(idOrName);
        return bare.matches("Z[A-Z0-9]{1,31}") && !idOrName.contains(".");
    }

    /** The bare id, when {@link #isId()}. */
    public String bareId() {
        return HostedZoneRef.bareId(idOrName);
    }
}
