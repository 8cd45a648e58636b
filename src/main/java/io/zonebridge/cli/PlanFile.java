package io.zonebridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.model.RecordSet;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.Plan;
import io.zonebridge.route53.HostedZoneRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as a JSON document ({@value #FORMAT}): what {@code plan --output json} prints and {@code plan --save FILE}
 * writes, and what {@code apply --plan FILE} applies. It holds the zone, the hosted zone (id, private or public)
 * and the {@link ZoneFingerprint} of the state the plan was made against (both absent for a plan made against a
 * file), and every change with its exact values: a DELETE the set as it was, a CREATE the new set, an UPDATE the new
 * set and its {@code previous} one.
 *
 * @param plan        the plan
 * @param batches     ChangeResourceRecordSets requests it goes out as
 * @param hostedZone  the hosted zone planned against, or null (a zone file)
 * @param fingerprint the hosted zone's fingerprint when planned, or null
 */
record PlanFile(Plan plan, int batches, HostedZoneRef hostedZone, String fingerprint) {

    /** The document's format name and version. */
    static final String FORMAT = "zonebridge-plan/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The document as indented JSON. */
    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("zone", plan.origin());
        if (hostedZone != null) {
            root.put("hostedZoneId", hostedZone.id());
            root.put("privateZone", hostedZone.privateZone());
            root.put("zoneFingerprint", fingerprint);
        }
        root.put("currentRecordSets", plan.currentSize());
        root.put("creates", plan.count(ChangeAction.CREATE));
        root.put("updates", plan.count(ChangeAction.UPSERT));
        root.put("deletes", plan.count(ChangeAction.DELETE));
        root.put("batches", batches);
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("action", PlanReport.action(change));
            RecordSetJson.write(node, change.recordSet());
            if (change instanceof Change.Update update) {
                RecordSetJson.write(node.putObject("previous"), update.current());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render plan as JSON", e);
        }
    }

    /** Writes the document to {@code file}, whole or not at all (a temporary file moved into place). */
    void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, toJson() + System.lineSeparator());
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads a plan document.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static PlanFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the plan: " + CommandErrors.causes(e));
        }
        try {
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("not a zonebridge plan (format is not " + FORMAT + ")");
            }
            String zone = root.path("zone").asText();
            if (!root.hasNonNull("hostedZoneId") || !root.hasNonNull("zoneFingerprint")) {
                throw new IllegalArgumentException("the plan was made against a zone file, not a hosted zone;"
                        + " make it with plan --zone");
            }
            List<Change> changes = new ArrayList<>();
            int index = 0;
            for (JsonNode node : root.path("changes")) {
                changes.add(change(node, index++));
            }
            Plan plan = new Plan(zone, root.path("currentRecordSets").asInt(), changes);
            HostedZoneRef hostedZone = new HostedZoneRef(root.get("hostedZoneId").asText(), zone,
                    root.path("privateZone").asBoolean(), root.path("currentRecordSets").asLong());
            return new PlanFile(plan, root.path("batches").asInt(), hostedZone, root.get("zoneFingerprint").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static Change change(JsonNode node, int index) {
        try {
            RecordSet set = RecordSetJson.read(node);
            return switch (node.path("action").asText()) {
                case "CREATE" -> new Change.Create(set);
                case "DELETE" -> new Change.Delete(set);
                case "UPDATE" -> new Change.Update(RecordSetJson.read(node.path("previous")), set);
                default -> throw new IllegalArgumentException("unknown action '" + node.path("action").asText() + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("changes[" + index + "]: " + e.getMessage());
        }
    }
}
