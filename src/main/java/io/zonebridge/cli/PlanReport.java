package io.zonebridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.model.RecordSet;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.ChangeBatch;
import io.zonebridge.plan.Plan;

import java.io.PrintWriter;
import java.util.List;

/** Renders a plan and its batches as a readable table or as JSON. */
public final class PlanReport {

    private static final int MAX_VALUE_WIDTH = 60;

    private final Plan plan;
    private final List<ChangeBatch> batches;

    public PlanReport(Plan plan, List<ChangeBatch> batches) {
        this.plan = plan;
        this.batches = batches;
    }

    /** One summary line: counts by action and the number of batches. */
    public String summary() {
        return String.format("%d to create, %d to update, %d to delete in %d batch%s",
                plan.count(ChangeAction.CREATE), plan.count(ChangeAction.UPSERT), plan.count(ChangeAction.DELETE),
                batches.size(), batches.size() == 1 ? "" : "es");
    }

    /** Prints the table: one line per change, then the summary. */
    public void printTable(PrintWriter out) {
        out.printf("Plan for %s (%d managed record sets now)%n", plan.origin(), plan.currentSize());
        if (plan.isEmpty()) {
            out.println("No changes: the zone is in step.");
        } else {
            int nameWidth = Math.min(48, plan.changes().stream().mapToInt(c -> c.key().name().length()).max().orElse(4));
            String format = "%-6s  %-" + Math.max(4, nameWidth) + "s  %-5s  %-8s  %6s  %s%n";
            out.printf(format, "ACTION", "NAME", "TYPE", "SET-ID", "TTL", "VALUES");
            for (Change change : plan.changes()) {
                RecordSet set = change.recordSet();
                out.printf(format, change.action(), set.name(), set.type(),
                        set.key().setIdentifier() == null ? "-" : set.key().setIdentifier(),
                        set.ttl() == null ? "alias" : set.ttl(), describeChange(change));
            }
        }
        out.println(summary());
        out.flush();
    }

    /** Prints the plan as a JSON document. */
    public void printJson(PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("zone", plan.origin());
        root.put("currentRecordSets", plan.currentSize());
        root.put("creates", plan.count(ChangeAction.CREATE));
        root.put("updates", plan.count(ChangeAction.UPSERT));
        root.put("deletes", plan.count(ChangeAction.DELETE));
        root.put("batches", batches.size());
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("action", change.action().name());
            writeRecordSet(node, change.recordSet());
            if (change instanceof Change.Update update) {
                writeRecordSet(node.putObject("previous"), update.current());
            }
        }
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render plan as JSON", e);
        }
        out.flush();
    }

    private static void writeRecordSet(ObjectNode node, RecordSet set) {
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
        node.put("routing", set.routing().policy().name());
    }

    private static String describeChange(Change change) {
        String now = describe(change.recordSet());
        if (change instanceof Change.Update update) {
            return abbreviate(describe(update.current())) + " -> " + abbreviate(now);
        }
        return abbreviate(now);
    }

    private static String describe(RecordSet set) {
        if (set.isAlias()) {
            return "ALIAS " + set.alias().dnsName() + " (" + set.alias().hostedZoneId() + ")";
        }
        String values = String.join(", ", set.values());
        return set.ttl() + "s " + values;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_VALUE_WIDTH ? text : text.substring(0, MAX_VALUE_WIDTH - 3) + "...";
    }
}
