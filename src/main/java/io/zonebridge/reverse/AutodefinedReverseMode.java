package io.zonebridge.reverse;

import java.util.Locale;

/**
 * Which VPCs get the Resolver's autodefined reverse rules turned off (those rules answer PTR queries for the
 * VPC's private ranges with {@code ip-10-0-1-40...} names and shadow the PTRs zonebridge writes).
 */
public enum AutodefinedReverseMode {
    /** Leave every VPC as it is. The default. */
    OFF,
    /** Only the configured VPCs. */
    LISTED,
    /** Every VPC associated with a private forward zone in scope. */
    ALL;

    /** Parses {@code off}, {@code listed} or {@code all}; anything else is an error listing the choices. */
    public static AutodefinedReverseMode fromLabel(String label) {
        for (AutodefinedReverseMode mode : values()) {
            if (mode.name().equalsIgnoreCase(label == null ? "" : label.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown autodefined-reverse mode '" + label + "' (use off, listed or all)");
    }

    /** The label as written in configuration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
