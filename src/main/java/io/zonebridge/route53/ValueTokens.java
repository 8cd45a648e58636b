package io.zonebridge.route53;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The whitespace-separated fields of a record value in Route 53 presentation form, where a field
 * may be a double-quoted character-string holding spaces and backslash escapes.
 */
final class ValueTokens {

    /**
     * One field of a value.
     *
     * @param text   the field's text; for a quoted field the text between the quotes, escapes undecoded
     * @param quoted whether the field was enclosed in double quotes
     */
    record Token(String text, boolean quoted) {

        /**
         * The bytes the field stands for: {@code \ddd} is an octal byte, {@code \x} the character x,
         * other characters are UTF-8 encoded.
         */
        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    int octal = OctalEscapes.valueAt(text, i + 1);
                    if (octal >= 0) {
                        out.write(octal);
                        i += 4;
                        continue;
                    }
                    c = text.charAt(i + 1);
                    i++;
                }
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                i++;
            }
            return out.toByteArray();
        }
    }

    private ValueTokens() {
    }

    /** Splits {@code value} into fields; an unterminated quoted string is an error naming the value. */
    static List<Token> split(String type, String value) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = value.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        text.append(d).append(value.charAt(i + 1));
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        text.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("invalid " + type + " value '" + value + "': unterminated quoted string");
                }
                tokens.add(new Token(text.toString(), true));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(value.charAt(i))) {
                    if (value.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    i++;
                }
                tokens.add(new Token(value.substring(start, i), false));
            }
        }
        return tokens;
    }
}
