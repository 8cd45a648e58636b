package io.zonebridge.local;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The emulated EC2 of every account and region. Operations run under this object's lock ({@link #locked}), so
 * each sees and leaves a consistent state. Not kept in the state file: EC2 resources live as long as the emulator.
 */
public final class Ec2State {
    private final Map<String, Ec2Region> regions = new HashMap<>();
    private final Map<String, VpcPeeringData> peerings = new java.util.LinkedHashMap<>();

    /** The resources of {@code account} in {@code region}, created on first use. Call under {@link #locked}. */
    Ec2Region region(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region, k -> new Ec2Region(account, region));
    }

    /** VPC peering connections of every account by id (each visible to both owners). Call under {@link #locked}. */
    Map<String, VpcPeeringData> peerings() {
        return peerings;
    }

    /** Runs {@code operation} under the lock. */
    synchronized <T> T locked(Supplier<T> operation) {
        return operation.get();
    }
}
