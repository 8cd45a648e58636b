/**
 * Route 53 as a DNS secondary: the plain-Java building blocks, free of Camel.
 *
 * <ul>
 *   <li>{@link io.zonebridge.secondary.NotifyHandler} judges a NOTIFY (RFC 1996) received on UDP: allow-list
 *       ({@link io.zonebridge.secondary.AddressAllowList}), TSIG, duplicates; it returns the response bytes to
 *       send back and whether the zone should be checked ({@link io.zonebridge.secondary.NotifyOutcome}).</li>
 *   <li>{@link io.zonebridge.secondary.ZoneTransferClient} asks the primaries for the SOA and, when the serial
 *       moved, transfers the zone (IXFR applied to the known records, or AXFR), returning the complete zone as
 *       dnsjava records, or FAILED with no records ({@link io.zonebridge.secondary.TransferResult}). An AXFR is
 *       read from the wire by {@code AxfrReader}, its signatures checked by {@code TsigStreamVerifier}, and
 *       each {@link io.zonebridge.secondary.AxfrMessage} is shown to a
 *       {@link io.zonebridge.secondary.FullZoneObserver} while the transfer runs: a fresh one per attempt, handed
 *       back ({@link io.zonebridge.secondary.ObservedTransfer}) only by the attempt that gave the zone.</li>
 *   <li>{@link io.zonebridge.secondary.SoaTimers} schedules the next check from the SOA refresh/retry/expire;
 *       {@link io.zonebridge.secondary.SerialTracker} remembers the last serial per zone (RFC 1982): the serials
 *       accepted NOTIFYs announced, so a transfer after one skips the SOA query.</li>
 *   <li>{@link io.zonebridge.secondary.SecondaryZone} is one zone's configuration (primaries, NOTIFY sources,
 *       {@link io.zonebridge.secondary.TsigKeySpec}, timeouts).</li>
 * </ul>
 *
 * <p>Converting the records or messages into a {@code ZoneSnapshot} is the job of {@code io.zonebridge.zonefile}.
 */
package io.zonebridge.secondary;
