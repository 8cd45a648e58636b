package io.zonebridge.route53;

/**
 * A hosted zone as listed by Route 53.
 *
 * @param id          bare hosted zone id ({@code Z...}, no {@code /hostedzone/} prefix)
 * @param name        zone name, canonical (lower case, trailing dot)
 * @param privateZone whether the zone is private
 * @param recordCount ResourceRecordSetCount as Route 53 reports it
 */
public record HostedZoneRef(String id, String name, boolean privateZone, long recordCount) {

    /** An id without its {@code /hostedzone/} (or {@code /change/}, ...) prefix, as the SDK and the CLI accept it. */
    public static String bareId(String id) {
        return id == null ? null : id.substring(id.lastIndexOf('/') + 1);
    }
}
