package io.zonebridge.sync;

import java.time.Duration;

/**
 * How one sync run treats a zone.
 *
 * @param force       apply even when the plan exceeds the safety limits
 * @param dryRun      plan and check only, change nothing
 * @param verify      read the whole zone first and repair any drift, whenever the view was last read
 * @param verifyEvery read the whole zone first when the view is older than this (null: only when asked)
 */
public record SyncRequest(boolean force, boolean dryRun, boolean verify, Duration verifyEvery) {

    /** A normal run: no force, no dry run, verification only when asked. */
    public static final SyncRequest NORMAL = new SyncRequest(false, false, false, null);

    /** This request with verification asked for or not. */
    public SyncRequest withVerify(boolean newVerify) {
        return new SyncRequest(force, dryRun, newVerify, verifyEvery);
    }

    /** This request with a verification period. */
    public SyncRequest withVerifyEvery(Duration period) {
        return new SyncRequest(force, dryRun, verify, period);
    }
}
