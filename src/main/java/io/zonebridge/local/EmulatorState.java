package io.zonebridge.local;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * All accounts' state. Callers hold the monitor of this object for a whole operation ({@link #read},
 * {@link #mutate}), so every operation sees and leaves a consistent state; mutations notify the listener
 * (the state file) after they succeed.
 */
public final class EmulatorState {
    private final Map<String, AccountState> accounts = new TreeMap<>();
    private final Map<String, AssumedRoleSession> sessions = new HashMap<>();
    private final Map<String, String> roleExternalIds = new TreeMap<>();
    private final Map<String, OrganizationData> organizations = new LinkedHashMap<>();
    private final Ec2State ec2 = new Ec2State(this);
    private final ResolverResources.Store resolverResources = new ResolverResources.Store();
    private Runnable mutationListener = () -> { };

    /** The account's state, created on first use. Call under {@link #read} or {@link #mutate}. */
    public AccountState account(String accountId) {
        return accounts.computeIfAbsent(accountId, AccountState::new);
    }

    /** Every account known. Call under {@link #read} or {@link #mutate}. */
    public Collection<AccountState> accounts() {
        return accounts.values();
    }

    /** STS sessions by temporary access key id. Call under {@link #read} or {@link #mutate}. */
    public Map<String, AssumedRoleSession> sessions() {
        return sessions;
    }

    /** External ids that AssumeRole requires, by role ARN. Call under {@link #read} or {@link #mutate}. */
    public Map<String, String> roleExternalIds() {
        return roleExternalIds;
    }

    /** Organizations by id. Call under {@link #read} or {@link #mutate}. */
    public Map<String, OrganizationData> organizations() {
        return organizations;
    }

    /** The emulated EC2 of every account and region. Use its {@code read}/{@code mutate} (this lock). */
    public Ec2State ec2() {
        return ec2;
    }

    /** Resolver rules, associations and endpoints of every account and region. Call under the lock. */
    public ResolverResources.Store resolverResources() {
        return resolverResources;
    }

    /** Runs a read-only operation atomically. */
    public synchronized <T> T read(Supplier<T> operation) {
        return operation.get();
    }

    /** Runs a mutation atomically and, if it returns normally, tells the listener. */
    public synchronized <T> T mutate(Supplier<T> operation) {
        T result = operation.get();
        mutationListener.run();
        return result;
    }

    /** Sets what runs after each successful mutation (under the lock). */
    public synchronized void onMutation(Runnable listener) {
        this.mutationListener = listener;
    }

    /** Snapshot list of all zones of all accounts (for the DNS port). */
    public synchronized List<HostedZoneData> allZones() {
        return accounts.values().stream().flatMap(a -> a.zones().values().stream()).toList();
    }
}
