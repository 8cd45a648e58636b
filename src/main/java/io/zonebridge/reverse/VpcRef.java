package io.zonebridge.reverse;

import java.util.Objects;

/**
 * A VPC as Route 53 names it in private hosted zone associations.
 *
 * @param id     the VPC id ({@code vpc-...})
 * @param region the VPC's region ({@code eu-central-1})
 */
public record VpcRef(String id, String region) implements Comparable<VpcRef> {

    public VpcRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        if (!id.startsWith("vpc-")) {
            throw new IllegalArgumentException("not a VPC id: '" + id + "' (expected vpc-...)");
        }
    }

    @Override
    public int compareTo(VpcRef o) {
        int c = region.compareTo(o.region);
        return c != 0 ? c : id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return id + " (" + region + ")";
    }
}
