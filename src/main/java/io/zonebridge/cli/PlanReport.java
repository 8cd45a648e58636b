package io.zonebridge.cli;

import io.zonebridge.model.RecordSet;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.plan.Plan;
import io.zonebridge.route53.RecordNameCodec;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Renders a plan for people (a table, or a Markdown table for a pull-request comment) or as the {@link PlanFile}
 * JSON document. Names are shown as people write them ({@code *.dev.example.}, not Route 53's {@code \052.dev...});
 * a changed set reads as {@code UPDATE old -> new}, though it goes out as a verified DELETE + CREATE; the TTL is
 * its own column ({@code old -> new} when it changes).
 */
public final class PlanReport {

    /** How to print a plan. */
    public enum Format { TEXT, JSON, MARKDOWN }

    private static final int MAX_VALUE_WIDTH = 60;

    private final PlanFile document;

    PlanReport(PlanFile document) {
        this.document = document;
    }

    private Plan plan() {
        return document.plan();
    }

    /** One summary line: counts by action and the number of batches. */
    public String summary() {
        int batches = document.batches();
        return String.format("%d to create, %d to update, %d to delete in %d batch%s",
                plan().count(ChangeAction.CREATE), plan().count(ChangeAction.UPSERT), plan().count(ChangeAction.DELETE),
                batches, batches == 1 ? "" : "es");
    }

    /** Prints the plan in {@code format}. */
    public void print(Format format, PrintWriter out) {
        switch (format) {
            case TEXT -> printTable(out);
            case JSON -> out.println(document.toJson());
            case MARKDOWN -> printMarkdown(out);
        }
        out.flush();
    }

    private void printTable(PrintWriter out) {
        out.printf("Plan for %s%s (%d managed record sets now)%n", display(plan().origin()), where(), plan().currentSize());
        if (plan().isEmpty()) {
            out.println("No changes: the zone is in step.");
        } else {
            int nameWidth = Math.min(48, plan().changes().stream().mapToInt(c -> display(c.key().name()).length())
                    .max().orElse(4));
            int ttlWidth = Math.max(3, plan().changes().stream().mapToInt(c -> ttl(c).length()).max().orElse(3));
            String format = "%-6s  %-" + Math.max(4, nameWidth) + "s  %-5s  %-8s  %" + ttlWidth + "s  %s%n";
            out.printf(format, "ACTION", "NAME", "TYPE", "SET-ID", "TTL", "VALUES");
            for (Change change : plan().changes()) {
                RecordSet set = change.recordSet();
                out.printf(format, action(change), display(set.name()), set.type(), setId(set), ttl(change),
                        values(change, MAX_VALUE_WIDTH));
            }
        }
        out.println(summary());
    }

    private void printMarkdown(PrintWriter out) {
        out.printf("### Plan for `%s`%s%n%n", display(plan().origin()), where());
        if (plan().isEmpty()) {
            out.println("No changes: the zone is in step.");
        } else {
            out.println("| Action | Name | Type | Set id | TTL | Values |");
            out.println("|---|---|---|---|---|---|");
            for (Change change : plan().changes()) {
                RecordSet set = change.recordSet();
                out.printf("| %s | `%s` | %s | %s | %s | %s |%n", action(change), cell(display(set.name())),
                        set.type(), cell(setId(set)), cell(ttl(change)), code(values(change, Integer.MAX_VALUE)));
            }
        }
        out.println();
        out.println("**" + summary() + "**");
    }

    /** How a change reads for people: CREATE, UPDATE or DELETE. */
    static String action(Change change) {
        return change instanceof Change.Update ? "UPDATE" : change.action().name();
    }

    /** A canonical Route 53 name as people write it: octal escapes turned back ({@code \052} is {@code *}). */
    static String display(String canonical) {
        if (canonical.indexOf('\\') < 0) {
            return canonical;
        }
        try {
            return RecordNameCodec.toName(canonical).toString();
        } catch (IllegalArgumentException e) {
            return canonical;
        }
    }

    private String where() {
        return document.hostedZone() == null ? "" : " in hosted zone " + document.hostedZone().id();
    }

    private static String setId(RecordSet set) {
        return set.key().setIdentifier() == null ? "-" : set.key().setIdentifier();
    }

    private static String ttl(Change change) {
        String now = ttlOf(change.recordSet());
        if (change instanceof Change.Update update && !Objects.equals(update.current().ttl(), update.desired().ttl())) {
            return ttlOf(update.current()) + " -> " + now;
        }
        return now;
    }

    private static String ttlOf(RecordSet set) {
        return set.ttl() == null ? "alias" : set.ttl().toString();
    }

    /** The values, {@code old -> new} for an update that changes them, each side cut to {@code width}. */
    private static String values(Change change, int width) {
        String now = valuesOf(change.recordSet());
        if (change instanceof Change.Update update) {
            String before = valuesOf(update.current());
            return before.equals(now) ? abbreviate(now, width) : abbreviate(before, width) + " -> " + abbreviate(now, width);
        }
        return abbreviate(now, width);
    }

    private static String valuesOf(RecordSet set) {
        if (set.isAlias()) {
            return "ALIAS " + display(set.alias().dnsName()) + " (" + set.alias().hostedZoneId() + ")";
        }
        return String.join(", ", set.values());
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String code(String text) {
        return "`" + cell(text).replace("`", "'") + "`";
    }
}
