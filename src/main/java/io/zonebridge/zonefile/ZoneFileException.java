package io.zonebridge.zonefile;

/**
 * A zone file that cannot be used: it does not parse, cannot be read, or holds records that cannot
 * go to the zone. The message reads {@code FILE:LINE: reason} when the line is known, otherwise
 * {@code FILE: reason}.
 */
public class ZoneFileException extends Exception {

    private final String file;
    private final int line;

    /** A problem at a known line (1-based), or anywhere in the file when {@code line} is 0. */
    public ZoneFileException(String file, int line, String reason, Throwable cause) {
        super((line > 0 ? file + ":" + line : file) + ": " + reason, cause);
        this.file = file;
        this.line = line;
    }

    /** The file as it was named to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the file as a whole or the line is unknown. */
    public int line() {
        return line;
    }
}
