package io.zonebridge.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque NextToken of the JSON services' list operations: the offset of the next item, base64-encoded. */
public final class PageToken {
    private static final String PREFIX = "offset:";

    private PageToken() {
    }

    /** The token that resumes at {@code offset}. */
    public static String encode(int offset) {
        return Base64.getEncoder().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset {@code token} resumes at (0 when null), or {@code invalid} when it is not one of ours. */
    public static int decode(String token, ServiceException invalid) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        throw invalid;
    }
}
