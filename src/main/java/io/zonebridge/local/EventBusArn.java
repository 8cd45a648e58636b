package io.zonebridge.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event bus ARN {@code arn:aws:events:REGION:ACCOUNT:event-bus/NAME}.
 *
 * @param region  region
 * @param account 12-digit account
 * @param name    bus name
 */
public record EventBusArn(String region, String account, String name) {
    private static final Pattern ARN = Pattern.compile("arn:aws:events:([a-z0-9-]+):(\\d{12}):event-bus/(.+)");

    /** The bus ARN in {@code text}, or null when it is not one. */
    public static EventBusArn parse(String text) {
        Matcher m = ARN.matcher(text);
        return m.matches() ? new EventBusArn(m.group(1), m.group(2), m.group(3)) : null;
    }
}
