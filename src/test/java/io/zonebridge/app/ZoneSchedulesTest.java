package io.zonebridge.app;

import io.zonebridge.app.config.ZoneDefaults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.app.config.MirrorSchedule;
import io.zonebridge.plan.PlanOptions;
import io.zonebridge.route53.ZoneSelector;
import io.zonebridge.secondary.MutableClock;
import io.zonebridge.secondary.SoaTimers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Set;

/** The schedules that turn time into zone work (SOA refresh/retry, mirror period and cron, file watch) and ZoneWork. */
class ZoneSchedulesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void refreshAfterSuccessRetryAfterFailureAndNothingHandedOutTwice() {
        ManagedZone zone = zone("a.test.", Optional.empty(), new TimerOverrides(Optional.of(Duration.ofMinutes(5)),
                Optional.empty(), Optional.empty()));
        RefreshSchedule schedule = new RefreshSchedule(new ZoneCatalog(List.of(zone)), clock);
        assertEquals(List.of(zone.work("start")), schedule.dueWork(), "every zone is due at start");
        assertEquals(List.of(), schedule.dueWork(), "not handed out again while its run is going");
        SoaTimers soa = new SoaTimers(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofDays(1), Duration.ZERO);
        schedule.finished(zone, soa, true);
        clock.advance(Duration.ofMinutes(4));
        assertEquals(List.of(), schedule.dueWork());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(zone.work("refresh")), schedule.dueWork(), "refresh overridden to 5 minutes");
        schedule.finished(zone, soa, false);
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), schedule.dueWork());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(zone.work("refresh")), schedule.dueWork(), "the SOA retry (30 s) after a failure");
    }

    @Test
    void aZoneFailingLongerThanItsSoaExpireIsExpiredUntilItsNextSuccess() {
        ManagedZone zone = zone("b.test.", Optional.empty(), TimerOverrides.none());
        RefreshSchedule schedule = new RefreshSchedule(new ZoneCatalog(List.of(zone)), clock);
        SoaTimers soa = new SoaTimers(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(2), Duration.ZERO);
        schedule.finished(zone, soa, true);
        clock.advance(Duration.ofHours(1));
        schedule.finished(zone, soa, false);
        assertEquals(Set.of(), schedule.expiredZones(), "failing, but within the expire time");
        assertEquals(Instant.parse("2026-01-01T01:10:00Z"), schedule.nextCheck(zone.key()).orElseThrow());
        clock.advance(Duration.ofMinutes(61));
        schedule.finished(zone, soa, false);
        assertEquals(Set.of(zone.key()), schedule.expiredZones(), "no success for longer than expire (2 h)");
        schedule.finished(zone, soa, true);
        assertEquals(Set.of(), schedule.expiredZones(), "a success clears it");
    }

    @Test
    void aZoneThatNeverSucceededExpiresCountedFromTheServiceStart() {
        ManagedZone zone = zone("c.test.", Optional.empty(), TimerOverrides.none());
        RefreshSchedule schedule = new RefreshSchedule(new ZoneCatalog(List.of(zone)), clock);
        SoaTimers soa = new SoaTimers(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(2), Duration.ZERO);
        schedule.finished(zone, soa, false);
        assertEquals(Set.of(), schedule.expiredZones(), "just started: not expired");
        clock.advance(Duration.ofHours(2));
        schedule.finished(zone, soa, false);
        assertEquals(Set.of(zone.key()), schedule.expiredZones());
    }

    @Test
    void mirrorJobsRunOnTheirPeriodOrCronAndAreLeftOutOfRefresh() {
        ManagedZone every = zone("every.test.", Optional.of(new MirrorSchedule(Optional.of(Duration.ofHours(1)),
                Optional.empty())), TimerOverrides.none());
        ManagedZone cron = zone("cron.test.", Optional.of(new MirrorSchedule(Optional.empty(),
                Optional.of("0 30 2 * * ?"))), TimerOverrides.none());
        ZoneCatalog catalog = new ZoneCatalog(List.of(every, cron));
        MirrorJobs jobs = new MirrorJobs(catalog, clock);
        assertEquals(List.of(), new RefreshSchedule(catalog, clock).dueWork(), "mirrored zones have no SOA refresh");
        assertEquals(List.of(every.work("mirror")), jobs.dueWork());
        assertEquals(Instant.parse("2026-01-01T02:30:00Z"), jobs.nextRun(cron.key()).orElseThrow());
        clock.advance(Duration.ofMinutes(150));
        assertEquals(List.of(every.work("mirror"), cron.work("mirror")), jobs.dueWork());
        assertEquals(Instant.parse("2026-01-02T02:30:00Z"), jobs.nextRun(cron.key()).orElseThrow());
        assertEquals(Instant.parse("2026-01-01T03:30:00Z"), jobs.nextRun(every.key()).orElseThrow());
    }

    @Test
    void zoneFileWatcherHandsOutChangedFilesOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("z.zone");
        Files.writeString(file, "one");
        ManagedZone zone = new ManagedZone("default/z.test.", "z.test.", selector("z.test."),
                new ZoneFileSource(file, "z.test."), PlanOptions.defaults(), TimerOverrides.none(), Optional.empty(),
                ZoneDefaults.DEFAULT_VERIFY_EVERY);
        ZoneFileWatcher watcher = new ZoneFileWatcher(new ZoneCatalog(List.of(zone)));
        assertEquals(List.of(), watcher.changedWork(), "the first poll only takes note");
        Files.writeString(file, "two, longer");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of(zone.work("file-changed")), watcher.changedWork());
        assertEquals(List.of(), watcher.changedWork());
    }

    @Test
    void zoneWorkMergesReasonsAndNamesAndTravelsSerialised() throws Exception {
        ZoneWork a = new ZoneWork("default/Z1", "a.test.", List.of("notify"), List.of("x.a.test."));
        ZoneWork b = new ZoneWork("default/Z1", "a.test.", List.of("refresh", "notify"), List.of("w.a.test."));
        ZoneWork merged = a.merge(b);
        assertEquals(List.of("notify", "refresh"), merged.reasons());
        assertEquals(List.of("w.a.test.", "x.a.test."), merged.names());
        assertEquals(List.of(), a.merge(ZoneWork.of("default/Z1", "a.test.", "refresh")).names(),
                "work for the whole zone absorbs work for names");
        assertThrows(IllegalArgumentException.class, () -> a.merge(ZoneWork.of("default/Z2", "a.test.", "x")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(merged);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(merged, in.readObject());
        }
    }

    @Test
    void zoneFileSourceFollowsTheSerialAndNeverGivesAPartialZone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.zone");
        Files.writeString(file, "$TTL 60\n@ IN SOA ns. h. 5 100 50 1000 60\n@ IN NS ns.\nwww IN A 192.0.2.1\n");
        ZoneFileSource source = new ZoneFileSource(file, "s.test.");
        DesiredState first = source.fetch(false);
        assertEquals(DesiredState.Kind.CHANGED, first.kind());
        assertEquals(Duration.ofSeconds(100), first.timers().refresh());
        source.applied(first);
        assertEquals(DesiredState.Kind.UNCHANGED, source.fetch(false).kind(), "same serial");
        assertEquals(DesiredState.Kind.CHANGED, source.fetch(true).kind(), "full ignores the serial");
        Files.writeString(file, "$TTL 60\n@ IN SOA ns. h. 6 100 50 1000 60\nwww IN BOGUS 1\n");
        DesiredState broken = source.fetch(false);
        assertEquals(DesiredState.Kind.FAILED, broken.kind());
        assertTrue(broken.detail().contains(file.toString()), broken.detail());
        assertEquals(null, broken.snapshot());
    }

    private static ManagedZone zone(String name, Optional<MirrorSchedule> mirror, TimerOverrides timers) {
        return new ManagedZone("default/" + name, name, selector(name), new ZoneFileSource(Path.of("unused"), name),
                PlanOptions.defaults(), timers, mirror, ZoneDefaults.DEFAULT_VERIFY_EVERY);
    }

    private static ZoneSelector selector(String name) {
        return new ZoneSelector(name, Optional.empty(), Optional.empty(), "us-east-1");
    }
}
