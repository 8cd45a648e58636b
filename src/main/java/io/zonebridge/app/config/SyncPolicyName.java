package io.zonebridge.app.config;

import java.util.Locale;

/** The sync policies a zone can be configured with. */
public enum SyncPolicyName {
    /** Create, update and delete so that the hosted zone equals the source. */
    SYNC,
    /** Create and update, never delete. */
    UPSERT_ONLY,
    /** Only create what is missing. */
    CREATE_ONLY;

    static SyncPolicyName from(ConfigNode node, SyncPolicyName defaultValue) {
        if (!node.isPresent()) {
            return defaultValue;
        }
        String text = node.text().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "sync" -> SYNC;
            case "upsert-only" -> UPSERT_ONLY;
            case "create-only" -> CREATE_ONLY;
            default -> throw node.error("unknown policy '" + text + "' (use sync, upsert-only or create-only)");
        };
    }
}
