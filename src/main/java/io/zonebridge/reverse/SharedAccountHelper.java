package io.zonebridge.reverse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of an organisation reconcile that a replica other than the leader takes: when the board shows a run it
 * has not helped yet, it claims member accounts one at a time (starting from a place in the list of its own, so
 * replicas meet rarely), reads each through its own Route 53 limiter of that account (renewing the claim after each
 * zone), and publishes what it read. Views of the zones are not kept: this replica writes nothing. A read that was
 * interrupted (the replica is stopping) is not published: its claim lapses and another replica reads the account.
 */
public final class SharedAccountHelper {

    private final AccountRoute53 route53;
    private final SharedAccountReads shared;
    private final int parallelism;
    private final ForwardAccountReader reader;
    private volatile String lastRun;

    /**
     * @param route53     Route 53 of each account, through this replica's limiters
     * @param shared      the board of the replicas
     * @param parallelism accounts read at once
     */
    public SharedAccountHelper(AccountRoute53 route53, SharedAccountReads shared, int parallelism) {
        this.route53 = Objects.requireNonNull(route53, "route53");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.parallelism = parallelism;
        this.reader = new ForwardAccountReader(route53);
    }

    /**
     * Helps the run open on the board, if this replica does not lead it and has not helped it yet; returns when
     * no account is left to claim. Returns the accounts read here.
     */
    public int help() throws InterruptedException {
        Optional<SharedAccountReads.SharedRun> open = shared.openRun();
        if (open.isEmpty() || open.get().leader().equals(shared.replica()) || open.get().id().equals(lastRun)) {
            return 0;
        }
        SharedAccountReads.SharedRun run = open.get();
        lastRun = run.id();
        List<String> accounts = run.accounts();
        if (accounts.isEmpty()) {
            return 0;
        }
        int start = Math.floorMod(shared.replica().hashCode(), accounts.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        try (ReaderPool pool = new ReaderPool("zonebridge-reconcile-helper", parallelism, accounts.size())) {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int i = 0; i < Math.min(parallelism, accounts.size()); i++) {
                workers.add(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < accounts.size()
                            && !Thread.currentThread().isInterrupted()) {
                        String account = accounts.get((start + index) % accounts.size());
                        if (readIfClaimed(run.id(), account)) {
                            read.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.runAll(workers, "reading for the organisation reconcile");
        }
        return read.get();
    }

    private boolean readIfClaimed(String run, String account) {
        if (!shared.claim(run, account)) {
            return false;
        }
        AccountForward forward = reader.read(account, zone -> route53.gateway(account).readZone(zone),
                () -> shared.renew(run, account), zones -> {
                });
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        shared.publish(run, forward);
        return true;
    }
}
