package io.zonebridge.app.config;

import io.zonebridge.plan.SafetyLimits;

/**
 * Limits that refuse a plan touching too much of a zone; defaults are {@link SafetyLimits#DEFAULT}.
 *
 * @param maxChangeShare largest share of a zone's record sets a plan may update or delete
 * @param minZoneSize    zones with fewer record sets are exempt
 */
public record SafetySettings(double maxChangeShare, int minZoneSize) {

    static SafetySettings from(ConfigNode node) {
        node.allowOnly("maxChangeShare", "minZoneSize");
        return new SafetySettings(node.get("maxChangeShare").doubleValue(SafetyLimits.DEFAULT.maxChangeShare(), 0.0, 1.0),
                (int) node.get("minZoneSize").longValue(SafetyLimits.DEFAULT.minZoneSize(), 0, Integer.MAX_VALUE));
    }

    /** The planner's safety limits these settings select. */
    public SafetyLimits limits() {
        return new SafetyLimits(maxChangeShare, minZoneSize);
    }
}
