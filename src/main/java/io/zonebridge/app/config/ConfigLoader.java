package io.zonebridge.app.config;

import io.zonebridge.app.ec2.Ec2Settings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and validates {@code config/zonebridge.yaml}; every error names the file (or environment variable) and the
 * key. Keys can be overridden by environment variables ({@link EnvironmentOverrides}).
 */
public final class ConfigLoader {

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A loader that resolves secrets from the process environment. */
    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    public ZonebridgeConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read configuration: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /**
     * The region when {@code route53.region} is not set: the SDK's environment settings ({@code AWS_REGION}, which
     * ECS sets for a task, then {@code AWS_DEFAULT_REGION}), else {@code us-east-1}. The instance metadata service
     * is not asked: off AWS it would only stall start-up.
     */
    private String defaultRegion() {
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String region = environment.get(variable);
            if (region != null && !region.isBlank()) {
                return region.trim();
            }
        }
        return "us-east-1";
    }

    /** Parses configuration text; {@code source} names it in errors. */
    public ZonebridgeConfig parse(String source, String yaml) {
        JsonNode tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new ConfigException(source + ": " + where + "not valid YAML: " + e.getOriginalMessage(), e);
        }
        EnvironmentOverrides overrides = new EnvironmentOverrides(environment);
        ConfigNode root = new ConfigNode(source, "", tree, overrides);
        if (root.isPresent()) {
            root.allowOnly(ConfigNode.keys(ServiceSettings.SECTIONS, "route53", "safety", "tsigKeys", "secondary",
                    "reverse", "ec2", "cluster"));
        }
        Map<String, TsigKeyConfig> keys = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> entry : root.get("tsigKeys").entries()) {
            keys.put(entry.getKey(), TsigKeyConfig.from(entry.getKey(), entry.getValue(), environment));
        }
        Route53Settings route53 = Route53Settings.from(root.get("route53"), defaultRegion());
        ZonebridgeConfig config = new ZonebridgeConfig(route53,
                SafetySettings.from(root.get("safety")), Map.copyOf(keys),
                SecondarySettings.from(root.get("secondary"), keys), ReverseSettings.from(root.get("reverse")),
                Ec2Settings.from(root.get("ec2"), route53.region()), ServiceSettings.from(root),
                ClusterSettings.from(root.get("cluster"), route53));
        if (config.ec2().ptrOwnershipTable().equals(config.reverse().ownership().table())) {
            throw root.get("ec2").get("ptrOwnership").get("table").error("must differ from reverse.ownership.table ('"
                    + config.reverse().ownership().table() + "'): each job keeps and releases only its own PTRs");
        }
        overrides.requireAllUsed();
        return config;
    }
}
