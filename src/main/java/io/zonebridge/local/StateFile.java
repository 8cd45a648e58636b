package io.zonebridge.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emulator's optional JSON state file (zones, changes, Resolver configs, rules, rule associations and
 * endpoints, EventBridge buses with rules and targets, STS sessions, role external ids, organizations with their
 * accounts, and the emulated EC2: {@link Ec2Snapshot}): loaded at start, rewritten after every mutation through a
 * temporary file renamed over the old one, so a reader (or a crash) never sees half a file. Files written before
 * the EventBridge/STS/Organizations/Resolver rules/EC2 parts existed still load.
 */
public final class StateFile {
    static final int FORMAT_VERSION = 1;
    private final Path file;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    /** The persisted form of all accounts, STS sessions, role external ids, organizations and EC2. */
    record Snapshot(int version, List<Account> accounts, List<AssumedRoleSession> sessions,
                    Map<String, String> roleExternalIds, List<OrganizationData> organizations,
                    List<ResolverRegion> resolver, Ec2Snapshot ec2) {
    }

    /** The persisted form of one account's Resolver rules, rule associations and endpoints in one region. */
    record ResolverRegion(String account, String region, List<ResolverRuleData> rules,
                          List<ResolverRuleAssociationData> associations, List<ResolverEndpointData> endpoints) {
    }

    /** The persisted form of one account. */
    record Account(String accountId, List<Zone> zones, List<String> callerReferences, List<ChangeData> changes,
                   List<ResolverConfigData> resolverConfigs, List<EventBusData> eventBuses) {
    }

    /** The persisted form of one hosted zone. */
    record Zone(String id, String name, String callerReference, String comment, boolean privateZone,
                List<HostedZoneData.Vpc> vpcs, List<String> nameServers, long createdMillis, String lastChangeId,
                List<RecordSetData> records) {
    }

    /** A state file at {@code file} (need not exist yet). */
    public StateFile(Path file) {
        this.file = file;
    }

    /** Loads the file into {@code state} if it exists; a file that cannot be read is a startup error. */
    public void loadInto(EmulatorState state) {
        if (!Files.exists(file)) {
            return;
        }
        Snapshot snapshot;
        try {
            snapshot = json.readValue(file.toFile(), Snapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read emulator state file " + file + ": " + e.getMessage(), e);
        }
        if (snapshot.version() != FORMAT_VERSION) {
            throw new IllegalStateException("emulator state file " + file + " has format version "
                    + snapshot.version() + ", expected " + FORMAT_VERSION);
        }
        state.mutate(() -> {
            snapshot.accounts().forEach(account -> restore(state.account(account.accountId()), account));
            listOrEmpty(snapshot.sessions()).forEach(session -> state.sessions().put(session.accessKeyId(),
                    session));
            if (snapshot.roleExternalIds() != null) {
                state.roleExternalIds().putAll(snapshot.roleExternalIds());
            }
            listOrEmpty(snapshot.organizations()).forEach(o -> state.organizations().put(o.id(), o));
            for (ResolverRegion saved : listOrEmpty(snapshot.resolver())) {
                ResolverResources resources = state.resolverResources().of(saved.account(), saved.region());
                listOrEmpty(saved.rules()).forEach(r -> resources.rules().put(r.id(), r));
                listOrEmpty(saved.associations()).forEach(a -> resources.associations().put(a.id(), a));
                listOrEmpty(saved.endpoints()).forEach(e -> resources.endpoints().put(e.id(), e));
            }
            if (snapshot.ec2() != null) {
                snapshot.ec2().restoreInto(state.ec2());
            }
            return null;
        });
    }

    private static void restore(AccountState target, Account account) {
        for (Zone zone : account.zones()) {
            HostedZoneData restored = new HostedZoneData(zone.id(), zone.name(), zone.callerReference(),
                    zone.comment(), zone.privateZone(), zone.vpcs(), zone.nameServers(), zone.createdMillis());
            restored.putAll(zone.records());
            restored.lastChangeId(zone.lastChangeId());
            target.zones().put(restored.id(), restored);
        }
        target.callerReferences().addAll(account.callerReferences());
        account.changes().forEach(change -> target.changes().put(change.id(), change));
        account.resolverConfigs().forEach(config -> target.resolverConfigs().put(config.resourceId(), config));
        listOrEmpty(account.eventBuses()).forEach(bus -> target.eventBuses().put(bus.region() + "/" + bus.name(),
                bus));
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Writes all of {@code state} (call under the state's lock, e.g. as its mutation listener). */
    public void save(EmulatorState state) {
        List<Account> accounts = new ArrayList<>();
        for (AccountState account : state.accounts()) {
            List<Zone> zones = account.zones().values().stream().map(zone -> new Zone(zone.id(), zone.name(),
                    zone.callerReference(), zone.comment(), zone.privateZone(), List.copyOf(zone.vpcs()),
                    zone.nameServers(), zone.createdMillis(), zone.lastChangeId(),
                    List.copyOf(zone.records().values()))).toList();
            accounts.add(new Account(account.accountId(), zones, List.copyOf(account.callerReferences()),
                    List.copyOf(account.changes().values()), List.copyOf(account.resolverConfigs().values()),
                    List.copyOf(account.eventBuses().values())));
        }
        List<ResolverRegion> resolver = new ArrayList<>();
        state.resolverResources().all().forEach((key, resources) -> {
            int slash = key.indexOf('/');
            resolver.add(new ResolverRegion(key.substring(0, slash), key.substring(slash + 1),
                    List.copyOf(resources.rules().values()), List.copyOf(resources.associations().values()),
                    List.copyOf(resources.endpoints().values())));
        });
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), new Snapshot(FORMAT_VERSION, accounts,
                    List.copyOf(state.sessions().values()), Map.copyOf(state.roleExternalIds()),
                    List.copyOf(state.organizations().values()), resolver, Ec2Snapshot.of(state.ec2())));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state file " + file, e);
        }
    }
}
