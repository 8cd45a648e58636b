package io.zonebridge.reverse;

/**
 * Where the PTR of an address lives.
 *
 * @param zoneName   the owning reverse zone, canonical
 * @param ptrName    the PTR record name inside that zone, canonical
 * @param prefixBits the length of the zone's address prefix (the match length)
 */
public record PtrLocation(String zoneName, String ptrName, int prefixBits) {
}
