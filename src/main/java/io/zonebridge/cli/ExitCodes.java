package io.zonebridge.cli;

/** Exit codes of the command line. */
final class ExitCodes {
    /** Done; nothing failed. */
    static final int OK = 0;
    /** Some work failed (a zone, a change group); the output says which. */
    static final int FAILED = 1;
    /** Bad input (zone file, options, ambiguous zone); nothing was changed. */
    static final int BAD_INPUT = 2;
    /** A safety limit refused the plan; nothing was changed. Use --force. */
    static final int REFUSED = 3;
    /** AWS could not be read or reached (unreachable, access denied); nothing was changed or diagnosed. */
    static final int UNAVAILABLE = 4;

    private ExitCodes() {
    }
}
