package io.zonebridge.app.config;

import java.util.Optional;

/**
 * Which hosted zone receives a zone: by id, or by name plus public/private (and VPC), so that
 * same-named public and private zones are never confused.
 *
 * @param id          bare hosted zone id, when given
 * @param name        zone name, canonical
 * @param privateZone whether the private zone is meant ({@code empty} = whichever single zone has the name)
 * @param vpcId       VPC the private zone is associated with, when given
 */
public record HostedZoneTarget(Optional<String> id, String name, Optional<Boolean> privateZone, Optional<String> vpcId) {

    static HostedZoneTarget from(ConfigNode node, String zoneName) {
        node.allowOnly("id", "name", "private", "vpc");
        Optional<String> id = node.get("id").optionalText().map(text -> {
            String bare = io.zonebridge.route53.HostedZoneRef.bareId(text);
            if (!bare.matches("Z[A-Z0-9]{1,31}")) {
                throw node.get("id").error("is not a hosted zone id (Z followed by letters and digits): '" + text + "'");
            }
            return bare;
        });
        Optional<Boolean> privateZone = node.get("private").isPresent()
                ? Optional.of(node.get("private").bool(false)) : Optional.empty();
        Optional<String> vpc = node.get("vpc").optionalText();
        vpc.ifPresent(v -> {
            if (!v.matches("vpc-[0-9a-f]+")) {
                throw node.get("vpc").error("is not a VPC id (vpc-...): '" + v + "'");
            }
        });
        if (vpc.isPresent() && privateZone.isPresent() && !privateZone.get()) {
            throw node.error("a VPC is given but private is false: only private zones are associated with VPCs");
        }
        return new HostedZoneTarget(id, ZoneNames.canonical(node.get("name").text(zoneName), node.get("name")),
                vpc.isPresent() ? Optional.of(true) : privateZone, vpc);
    }
}
