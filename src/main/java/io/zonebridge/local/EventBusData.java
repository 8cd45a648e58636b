package io.zonebridge.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An EventBridge event bus of one account and region, with its rules.
 *
 * @param name   bus name ({@code default} or created)
 * @param region region
 * @param rules       rules by name, in creation order
 * @param permissions resource-policy statements by statement id (JSON text), from PutPermission
 */
public record EventBusData(String name, String region, Map<String, EventRuleData> rules,
                           Map<String, String> permissions) {

    public EventBusData {
        permissions = permissions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(permissions);
    }

    /** A bus without permissions. */
    public EventBusData(String name, String region, Map<String, EventRuleData> rules) {
        this(name, region, rules, new LinkedHashMap<>());
    }

    /** The bus ARN in {@code account}. */
    public String arn(String account) {
        return "arn:aws:events:" + region + ":" + account + ":event-bus/" + name;
    }

    /** The ARN of rule {@code rule} on this bus in {@code account}. */
    public String ruleArn(String account, String rule) {
        return "arn:aws:events:" + region + ":" + account + ":rule/" + (name.equals("default") ? "" : name + "/")
                + rule;
    }
}
