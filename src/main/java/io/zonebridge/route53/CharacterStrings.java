package io.zonebridge.route53;

import java.util.ArrayList;
import java.util.List;

/**
 * DNS character-strings in Route 53's quoted presentation form: {@code "..."} with {@code \"} and
 * {@code \\} for a quote and a backslash, and three-digit octal escapes for bytes outside printable
 * ASCII (0x00-0x1F, 0x7F-0xFF). A space stays a space.
 */
final class CharacterStrings {

    /** The longest character-string DNS allows, in bytes. */
    static final int MAX_BYTES = 255;

    private CharacterStrings() {
    }

    /** {@code bytes} as one quoted string (no length limit applied). */
    static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7F) {
                OctalEscapes.append(out, c);
            } else {
                out.append((char) c);
            }
        }
        return out.append('"').toString();
    }

    /** {@code bytes} as quoted strings of at most 255 bytes each (one empty string for no bytes). */
    static List<String> quoteSplit(byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(bytes.length, start + MAX_BYTES);
            byte[] chunk = new byte[end - start];
            System.arraycopy(bytes, start, chunk, 0, chunk.length);
            out.add(quote(chunk));
            start = end;
        } while (start < bytes.length);
        return out;
    }
}
