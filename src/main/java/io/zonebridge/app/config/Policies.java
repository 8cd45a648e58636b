package io.zonebridge.app.config;

import io.zonebridge.plan.SyncPolicy;

/** Reads a sync policy key. */
final class Policies {

    private Policies() {
    }

    static SyncPolicy from(ConfigNode node, SyncPolicy defaultValue) {
        if (!node.isPresent()) {
            return defaultValue;
        }
        try {
            return SyncPolicy.fromLabel(node.text());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
