package io.zonebridge.route53;

/**
 * Route 53's three-digit octal escapes ({@code \ddd}, 000 to 377), used in names and in quoted
 * character-strings alike.
 */
final class OctalEscapes {

    private OctalEscapes() {
    }

    /** The byte value of the three octal digits at {@code text[at]}, or -1 when there are none or they exceed 377. */
    static int valueAt(String text, int at) {
        if (at + 3 > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = at; k < at + 3; k++) {
            char d = text.charAt(k);
            if (d < '0' || d > '7') {
                return -1;
            }
            value = value * 8 + (d - '0');
        }
        return value <= 0xFF ? value : -1;
    }

    /** Appends {@code \ddd} for the byte {@code value} (0 to 255). */
    static StringBuilder append(StringBuilder out, int value) {
        return out.append('\\').append((char) ('0' + (value >> 6))).append((char) ('0' + ((value >> 3) & 7)))
                .append((char) ('0' + (value & 7)));
    }
}
