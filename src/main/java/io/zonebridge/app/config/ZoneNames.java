package io.zonebridge.app.config;

import io.zonebridge.route53.RecordNameCodec;

/** Zone names written in the configuration, turned canonical with the key named on error. */
final class ZoneNames {

    private ZoneNames() {
    }

    static String canonical(String text, ConfigNode node) {
        try {
            return RecordNameCodec.canonical(text);
        } catch (IllegalArgumentException e) {
            throw node.error("is not a valid zone name: " + e.getMessage());
        }
    }
}
