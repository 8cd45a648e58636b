package io.zonebridge.app.config;

/**
 * Limits that refuse a plan touching too much of a zone.
 *
 * @param maxChangeShare largest share of a zone's record sets a plan may update or delete
 * @param minZoneSize    zones with fewer record sets are exempt
 */
public record SafetySettings(double maxChangeShare, int minZoneSize) {

    static SafetySettings from(ConfigNode node) {
        node.allowOnly("maxChangeShare", "minZoneSize");
        return new SafetySettings(node.get("maxChangeShare").doubleValue(0.30, 0.0, 1.0),
                (int) node.get("minZoneSize").longValue(10, 0, Integer.MAX_VALUE));
    }
}
