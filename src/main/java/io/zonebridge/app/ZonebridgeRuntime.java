package io.zonebridge.app;

import io.zonebridge.app.config.SecondaryZoneConfig;
import io.zonebridge.app.config.ZonebridgeConfig;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.secondary.NotifyHandler;
import io.zonebridge.secondary.SerialTracker;
import io.zonebridge.sync.SyncEngine;
import io.zonebridge.sync.ViewGeneration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Everything the service and {@code sync --once} share, assembled from the configuration: the connection to
 * Route 53 (starting the embedded one and its zones when configured), the managed zones, the status board, the
 * schedules and the synchronizer. Once every zone's first run is over it logs the connection's credentials and
 * account ({@link Route53Connection#logIdentity()}). Closing it stops the embedded Route 53.
 */
public final class ZonebridgeRuntime implements AutoCloseable {

    private final ZonebridgeConfig config;
    private final Route53Connection connection;
    private final ZoneCatalog catalog;
    private final ZoneStatusBoard board;
    private final RefreshSchedule refreshSchedule;
    private final ViewGeneration viewGeneration = new ViewGeneration();
    private final ZoneSynchronizer synchronizer;
    private final MirrorJobs mirrorJobs;
    private final ZoneFileWatcher zoneFileWatcher;
    private final NotifyReceiver notifyReceiver;
    private final Lock reverseZoneWriter = new ReentrantLock();

    private ZonebridgeRuntime(ZonebridgeConfig config, Route53Connection connection, ZoneCatalog catalog,
                              SerialTracker announced, Clock clock) {
        this.config = config;
        this.connection = connection;
        this.catalog = catalog;
        this.board = new ZoneStatusBoard(clock);
        this.refreshSchedule = new RefreshSchedule(catalog, clock);
        this.synchronizer = new ZoneSynchronizer(catalog, connection.gateway(), new SyncEngine(connection.gateway(),
                config.safety().limits(), config.route53().waitForInsync(), new AccountRateLimiter(
                        config.route53().rateLimitPerSecond() * config.route53().verifyShare()), clock, viewGeneration),
                board, refreshSchedule);
        this.mirrorJobs = new MirrorJobs(catalog, clock);
        this.zoneFileWatcher = new ZoneFileWatcher(catalog);
        this.notifyReceiver = new NotifyReceiver(new NotifyHandler(catalog.secondaryZones(),
                NotifyHandler.DEFAULT_DUPLICATE_WINDOW, clock, announced), catalog);
        // once every zone's first run is over (when the service is ready): not on the start-up's path
        board.whenRecorded(catalog.zones().stream().map(ManagedZone::key).toList())
                .thenRun(connection::logIdentity);
    }

    /** Connects to Route 53, creates the embedded zones when embedded, and finds the managed zones. */
    public static ZonebridgeRuntime start(ZonebridgeConfig config, Clock clock) {
        Route53Connection connection = Route53Connection.open(config.route53());
        try {
            ManagedZoneFactory factory = new ManagedZoneFactory(config);
            List<ManagedZone> zones = new ArrayList<>(factory.configuredZones());
            if (connection.embedded().isPresent()) {
                EmbeddedZones.createMissing(connection.client(), connection.gateway(), zones);
            }
            config.secondary().servedBy().ifPresent(defaults -> {
                Set<String> configured = config.secondary().zones().stream().map(SecondaryZoneConfig::name)
                        .collect(Collectors.toSet());
                zones.addAll(new ServedZoneDiscovery(factory).discover(connection.gateway(), defaults, configured));
            });
            return new ZonebridgeRuntime(config, connection, new ZoneCatalog(zones), factory.announcedSerials(), clock);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public ZonebridgeConfig config() {
        return config;
    }

    public Route53Connection connection() {
        return connection;
    }

    public ZoneCatalog catalog() {
        return catalog;
    }

    public ZoneStatusBoard statusBoard() {
        return board;
    }

    public RefreshSchedule refreshSchedule() {
        return refreshSchedule;
    }

    /** Which views of Route 53 the service's engines trust (every job's): advanced when this replica leads again. */
    public ViewGeneration viewGeneration() {
        return viewGeneration;
    }

    public ZoneSynchronizer synchronizer() {
        return synchronizer;
    }

    /** The schedule of mirror jobs. */
    public MirrorJobs mirrorJobs() {
        return mirrorJobs;
    }

    /** A watcher of the zone files that stand in for primaries. */
    public ZoneFileWatcher zoneFileWatcher() {
        return zoneFileWatcher;
    }

    /** The NOTIFY receiver for the zones transferred from primaries. */
    public NotifyReceiver notifyReceiver() {
        return notifyReceiver;
    }

    /**
     * The lock every writer of the reverse zones holds while it plans and writes PTRs (the reverse DNS job and the
     * EC2 job), so two never plan against the same reverse zone at once.
     */
    public Lock reverseZoneWriter() {
        return reverseZoneWriter;
    }

    @Override
    public void close() {
        connection.close();
    }
}
