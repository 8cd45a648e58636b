package io.zonebridge.model;

import java.util.Objects;

/**
 * The fields of an SOA record's canonical value, {@code mname rname serial refresh retry expire minimum}, as
 * Route 53 and the codec write it.
 *
 * @param mname   the primary name server
 * @param rname   the responsible mailbox, as a name
 * @param serial  the serial (0..4294967295)
 * @param refresh seconds between refresh checks
 * @param retry   seconds between retries after a failed refresh
 * @param expire  seconds after which an unrefreshed zone expires
 * @param minimum the negative-caching TTL in seconds
 */
public record SoaValue(String mname, String rname, long serial, long refresh, long retry, long expire, long minimum) {

    public SoaValue {
        Objects.requireNonNull(mname, "mname");
        Objects.requireNonNull(rname, "rname");
    }

    /**
     * Reads a canonical SOA value.
     *
     * @throws IllegalArgumentException quoting the value when it does not have seven fields with numbers in the last five
     */
    public static SoaValue parse(String value) {
        String[] fields = value.trim().split("\\s+");
        if (fields.length != 7) {
            throw new IllegalArgumentException("SOA value '" + value + "' does not have 7 fields "
                    + "(mname rname serial refresh retry expire minimum)");
        }
        try {
            return new SoaValue(fields[0], fields[1], Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                    Long.parseLong(fields[4]), Long.parseLong(fields[5]), Long.parseLong(fields[6]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOA value '" + value + "' has a field that is not a number: "
                    + e.getMessage(), e);
        }
    }

    /** The same value with another serial. */
    public SoaValue withSerial(long newSerial) {
        return new SoaValue(mname, rname, newSerial, refresh, retry, expire, minimum);
    }

    /** The canonical text. */
    public String text() {
        return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
    }
}
