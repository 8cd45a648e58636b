package io.zonebridge.app.cluster;

import com.amazonaws.services.dynamodbv2.AcquireLockOptions;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.LockItem;
import com.amazonaws.services.dynamodbv2.model.LockNotGrantedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace of {@link DynamoDbLeaseClusterService}: a thread that waits for the namespace's lease (the lock
 * client takes it once nobody renewed it for a lease period, re-reading it every second), announces leadership while
 * it holds it, and steps down as soon as its lease is at risk: when no heartbeat succeeded for a lease less one
 * heartbeat period (a paused or partitioned leader stops its consumers before another replica, which waits a whole
 * lease from the last renewal it saw, can take the lease). Stopping releases the lease,
 * so another replica takes over at once after a graceful stop.
 */
final class LeaseView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseView.class);
    private static final long REFRESH_MS = 500;
    /**
     * One acquire call waits until it gets the lease or the view stops (interrupt): a call that gave up and started
     * again would forget the lease it has been watching and wait a whole lease more.
     */
    private static final long WAIT_UNTIL_STOPPED_MS = Long.MAX_VALUE / 4;

    private final Supplier<AmazonDynamoDBLockClient> locks;
    private final String replicaId;
    private final Duration lease;
    private final Duration heartbeat;
    private final Member local = new Member();
    private volatile boolean leader;
    private volatile LockItem held;
    private Thread elector;

    LeaseView(CamelClusterService service, String namespace, Supplier<AmazonDynamoDBLockClient> locks,
              String replicaId, Duration lease, Duration heartbeat) {
        super(service, namespace);
        this.locks = locks;
        this.replicaId = replicaId;
        this.lease = lease;
        this.heartbeat = heartbeat;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    @Override
    protected void doStart() {
        elector = new Thread(this::elect, "zonebridge-lease-" + getNamespace());
        elector.setDaemon(true);
        elector.start();
    }

    @Override
    protected void doStop() throws Exception {
        Thread thread = elector;
        if (thread != null) {
            thread.interrupt();
            thread.join(lease.toMillis());
        }
        stepDown("stopping");
    }

    private void elect() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                LockItem lock = locks.get().acquireLock(AcquireLockOptions.builder(getNamespace())
                        .withRefreshPeriod(REFRESH_MS)
                        .withAdditionalTimeToWaitForLock(WAIT_UNTIL_STOPPED_MS)
                        .withTimeUnit(TimeUnit.MILLISECONDS)
                        .withDeleteLockOnRelease(false)
                        .withSessionMonitor(lease.minus(heartbeat).toMillis(), Optional.empty())
                        .build());
                held = lock;
                leader = true;
                LOG.info("cluster: replica {} is the leader of {}", replicaId, getNamespace());
                fireLeadershipChangedEvent(local);
                while (!lock.isExpired() && !lock.amIAboutToExpire()) {
                    Thread.sleep(Math.min(250, heartbeat.toMillis() / 4));
                }
                stepDown("no heartbeat succeeded for a lease less one heartbeat");
            } catch (LockNotGrantedException stillHeld) {
                // the leader renews its lease: keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("cluster: lease {} could not be read or taken: {}", getNamespace(), e.toString());
                try {
                    Thread.sleep(REFRESH_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Stops this replica's consumers of the namespace, then releases the lease (best effort). */
    private synchronized void stepDown(String why) {
        if (leader) {
            leader = false;
            LOG.info("cluster: replica {} is no longer the leader of {} ({})", replicaId, getNamespace(), why);
            fireLeadershipChangedEvent(Optional.empty());
        }
        LockItem lock = held;
        held = null;
        if (lock != null) {
            try {
                locks.get().releaseLock(lock);
            } catch (RuntimeException e) {
                LOG.warn("cluster: could not release the lease {}: {}", getNamespace(), e.toString());
            }
        }
    }

    /** This replica as a member of the namespace. */
    private final class Member implements CamelClusterMember {
        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return replicaId;
        }
    }
}
