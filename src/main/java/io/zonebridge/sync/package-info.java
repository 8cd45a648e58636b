/**
 * The one sync engine: per hosted zone a {@link io.zonebridge.sync.ZoneView} of what Route 53 holds, desired
 * state planned against it, sent as verified batches (DELETE of the exact values held + CREATE), stale views
 * recovered by re-reading what Route 53 refused, drift found by verification reads on a budget, and one run per
 * zone at a time with work merged while busy. Used by every job and the command line; imports no Camel and
 * nothing of {@code app}.
 */
package io.zonebridge.sync;
