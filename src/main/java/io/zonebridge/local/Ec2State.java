package io.zonebridge.local;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The emulated EC2 of every account and region, part of the {@link EmulatorState} that owns it: operations run
 * under that state's lock ({@link #read}, {@link #mutate}), so each sees and leaves a consistent state (Resolver
 * endpoints read subnets under the same lock), and mutations reach the state file.
 */
public final class Ec2State {
    private final EmulatorState owner;
    private final Map<String, Ec2Region> regions = new HashMap<>();
    private final Map<String, VpcPeeringData> peerings = new LinkedHashMap<>();

    Ec2State(EmulatorState owner) {
        this.owner = owner;
    }

    /** The resources of {@code account} in {@code region}, created on first use. Call under the lock. */
    Ec2Region region(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region, k -> new Ec2Region(account, region));
    }

    /** Every account's and region's resources known. Call under the lock. */
    Collection<Ec2Region> regions() {
        return regions.values();
    }

    /** VPC peering connections of every account by id (each visible to both owners). Call under the lock. */
    Map<String, VpcPeeringData> peerings() {
        return peerings;
    }

    /** Runs a read-only {@code operation} under the lock. */
    <T> T read(Supplier<T> operation) {
        return owner.read(operation);
    }

    /** Runs {@code operation} under the lock; if it returns normally, the state file hears of it. */
    <T> T mutate(Supplier<T> operation) {
        return owner.mutate(operation);
    }
}
