package io.zonebridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.model.AliasTarget;
import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.Routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A record set as JSON, exactly (canonical name and values, TTL or alias, every routing attribute), so a plan file
 * read back gives the very record sets it was written from.
 */
final class RecordSetJson {

    private RecordSetJson() {
    }

    /** Writes {@code set}'s fields into {@code node}. */
    static void write(ObjectNode node, RecordSet set) {
        node.put("name", set.name());
        node.put("type", set.type());
        if (set.key().setIdentifier() != null) {
            node.put("setIdentifier", set.key().setIdentifier());
        }
        if (set.isAlias()) {
            ObjectNode alias = node.putObject("alias");
            alias.put("hostedZoneId", set.alias().hostedZoneId());
            alias.put("dnsName", set.alias().dnsName());
            alias.put("evaluateTargetHealth", set.alias().evaluateTargetHealth());
        } else {
            node.put("ttl", set.ttl());
            ArrayNode values = node.putArray("values");
            set.values().forEach(values::add);
        }
        Routing r = set.routing();
        ObjectNode routing = node.putObject("routing");
        routing.put("policy", r.policy().name());
        putIfSet(routing, "weight", r.weight());
        putIfSet(routing, "region", r.region());
        putIfSet(routing, "geoContinent", r.geoContinent());
        putIfSet(routing, "geoCountry", r.geoCountry());
        putIfSet(routing, "geoSubdivision", r.geoSubdivision());
        putIfSet(routing, "failover", r.failover());
        putIfSet(routing, "multiValueAnswer", r.multiValueAnswer());
        putIfSet(routing, "healthCheckId", r.healthCheckId());
    }

    /**
     * Reads a record set written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static RecordSet read(JsonNode node) {
        RecordKey key = new RecordKey(text(node, "name"), text(node, "type"), optionalText(node, "setIdentifier"));
        JsonNode r = node.path("routing");
        Routing routing = new Routing(r.hasNonNull("weight") ? r.get("weight").asLong() : null,
                optionalText(r, "region"), optionalText(r, "geoContinent"), optionalText(r, "geoCountry"),
                optionalText(r, "geoSubdivision"), optionalText(r, "failover"),
                r.hasNonNull("multiValueAnswer") ? r.get("multiValueAnswer").asBoolean() : null,
                optionalText(r, "healthCheckId"));
        if (node.hasNonNull("alias")) {
            JsonNode a = node.get("alias");
            AliasTarget alias = new AliasTarget(text(a, "hostedZoneId"), text(a, "dnsName"),
                    a.path("evaluateTargetHealth").asBoolean());
            return new RecordSet(key, null, List.of(), alias, routing);
        }
        if (!node.path("ttl").canConvertToLong()) {
            throw new IllegalArgumentException("record set " + key.name() + " " + key.type() + ": no ttl");
        }
        List<String> values = new ArrayList<>();
        node.path("values").forEach(v -> values.add(v.asText()));
        return new RecordSet(key, node.get("ttl").asLong(), values, null, routing);
    }

    private static String text(JsonNode node, String field) {
        if (!node.hasNonNull(field) || !node.get(field).isTextual()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return node.get(field).asText();
    }

    private static String optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static void putIfSet(ObjectNode node, String field, Object value) {
        if (value instanceof Long l) {
            node.put(field, l);
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }
}
