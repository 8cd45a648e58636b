package io.zonebridge.local;

import java.util.Map;

/**
 * An EventBridge rule.
 *
 * @param name               rule name
 * @param eventPattern       event pattern JSON text, or null for a schedule rule
 * @param scheduleExpression schedule expression (rates fired by {@link ScheduleFirer}), or null
 * @param state              ENABLED or DISABLED
 * @param description        description or null
 * @param targets            targets by id, in the order they were put
 */
public record EventRuleData(String name, String eventPattern, String scheduleExpression, String state,
                            String description, Map<String, EventTargetData> targets) {
}
