package io.zonebridge.sync;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Route 53's refusals that mean the view was wrong (not that a record is bad): a DELETE of a set that
 * is not there or holds other values, a CREATE of a set that already exists. The engine answers them by re-reading
 * the names they concern, never by splitting the batch.
 */
final class StaleView {

    private static final Pattern STALE = Pattern.compile(
            "Tried to (delete resource record set \\[[^]]*] but (it was not found|the values provided do not match"
                    + " the current values)|create resource record set \\[[^]]*] but it already exists)");
    private static final Pattern NAME = Pattern.compile(
            "Tried to (?:delete|create) resource record set \\[name='([^']*)'");

    private StaleView() {
    }

    /** Whether Route 53's message reports a stale view. */
    static boolean isStale(String message) {
        return message != null && STALE.matcher(message).find();
    }

    /** The record names the stale-view refusals of {@code message} name. */
    static Set<String> names(String message) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
