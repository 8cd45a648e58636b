package io.zonebridge.reverse;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The board on which the replicas of a cluster share the member accounts of one organisation reconcile (a run).
 * The leader opens a run; every replica claims accounts one at a time (a claim is exclusive until it is done or
 * lapses: a replica that died stops renewing it), reads them, and publishes what it read; the leader collects the
 * published reads and plans and writes the reverse zones alone. Implementations must make {@link #claim} atomic
 * across replicas.
 */
public interface SharedAccountReads {

    /** This replica's name (the owner of its claims). */
    String replica();

    /** Opens a run over {@code accounts} (the leader; a run left open by a dead leader is closed first). */
    String open(List<String> accounts);

    /** The run open now, if any. */
    Optional<SharedRun> openRun();

    /**
     * Claims {@code account} of {@code run} for this replica: true when nobody had claimed it, or its claim lapsed;
     * false when it is done or another replica's claim is live.
     */
    boolean claim(String run, String account);

    /** Extends this replica's claim of {@code account} (a reader renews it between zones). */
    void renew(String run, String account);

    /** Publishes what this replica read of an account it claimed; the account is done. */
    void publish(String run, AccountForward read);

    /** Marks an account done that the leader read itself (nothing to publish). */
    void done(String run, String account);

    /** Of {@code accounts}: the reads published so far, and the accounts nobody holds a live claim on. */
    Poll poll(String run, Collection<String> accounts);

    /** Closes the run and removes what it left on the board. */
    void close(String run);

    /** An open run: its id, the replica that leads it, its member accounts. */
    record SharedRun(String id, String leader, List<String> accounts) {
        public SharedRun {
            accounts = List.copyOf(accounts);
        }
    }

    /** What {@link #poll} found. */
    record Poll(Map<String, AccountForward> published, Set<String> claimable) {
        public Poll {
            published = Map.copyOf(published);
            claimable = Set.copyOf(claimable);
        }
    }
}
