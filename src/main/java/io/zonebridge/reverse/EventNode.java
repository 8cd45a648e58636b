package io.zonebridge.reverse;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonebridge.intake.MalformedEventException;
import io.zonebridge.intake.RejectReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON node together with its JSON pointer, so every read of a missing or mistyped field fails
 * with a {@link MalformedEventException} naming the field (as a path like
 * {@code detail.requestParameters.changeBatch.changes[0].action}) and carrying its pointer.
 *
 * @param node    the node
 * @param pointer its JSON pointer within the event
 * @param where   a short description of the document ("event", "event inside the SNS Message")
 */
record EventNode(JsonNode node, String pointer, String where) {

    static EventNode root(JsonNode node, String where) {
        return new EventNode(node, "", where);
    }

    /** A required object member. */
    EventNode object(String field) {
        EventNode child = required(field);
        if (!child.node.isObject()) {
            throw child.wrongType("an object");
        }
        return child;
    }

    /** An optional object member: absent or JSON null gives empty. */
    Optional<EventNode> optionalObject(String field) {
        return optional(field).map(child -> {
            if (!child.node.isObject()) {
                throw child.wrongType("an object");
            }
            return child;
        });
    }

    /** The elements of a required array member. */
    List<EventNode> array(String field) {
        EventNode child = required(field);
        if (!child.node.isArray()) {
            throw child.wrongType("an array");
        }
        List<EventNode> out = new ArrayList<>(child.node.size());
        for (int i = 0; i < child.node.size(); i++) {
            out.add(new EventNode(child.node.get(i), child.pointer + "/" + i, where));
        }
        return out;
    }

    /** The elements of an optional array member (empty when absent or null). */
    List<EventNode> optionalArray(String field) {
        return optional(field).isPresent() ? array(field) : List.of();
    }

    /** A required, non-empty text member. */
    String text(String field) {
        EventNode child = required(field);
        if (!child.node.isTextual()) {
            throw child.wrongType("a string");
        }
        if (child.node.textValue().isBlank()) {
            throw child.fail("is empty");
        }
        return child.node.textValue();
    }

    /** An optional text member: absent or null gives empty. */
    Optional<String> optionalText(String field) {
        return optional(field).map(child -> {
            if (!child.node.isTextual()) {
                throw child.wrongType("a string");
            }
            return child.node.textValue();
        });
    }

    /** An optional integral number member (the first of the given spellings present). */
    Optional<Long> optionalLong(String... spellings) {
        for (String field : spellings) {
            Optional<EventNode> child = optional(field);
            if (child.isPresent()) {
                if (!child.get().node.canConvertToExactIntegral() || !child.get().node.isNumber()) {
                    throw child.get().wrongType("an integer");
                }
                return Optional.of(child.get().node.longValue());
            }
        }
        return Optional.empty();
    }

    /** An optional boolean member. */
    Optional<Boolean> optionalBoolean(String field) {
        return optional(field).map(child -> {
            if (!child.node.isBoolean()) {
                throw child.wrongType("a boolean");
            }
            return child.node.booleanValue();
        });
    }

    /** The first of the given spellings of a text member that is present, or a failure naming the first. */
    String textOf(String... spellings) {
        for (String field : spellings) {
            if (optional(field).isPresent()) {
                return text(field);
            }
        }
        return text(spellings[0]);
    }

    /** Whether the CloudTrail {@code errorCode} is present (not null, not blank): the call failed. */
    Optional<String> errorCode() {
        JsonNode code = node.get("errorCode");
        if (code == null || code.isNull() || (code.isTextual() && code.textValue().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(code.isTextual() ? code.textValue() : code.toString());
    }

    /** Member {@code field} for naming it in a failure (its node may be absent). */
    EventNode member(String field) {
        return optional(field).orElseGet(() -> child(field));
    }

    /** The first of the given spellings that is present, else the first, for naming it in a failure. */
    EventNode memberOf(String... spellings) {
        for (String field : spellings) {
            if (optional(field).isPresent()) {
                return member(field);
            }
        }
        return member(spellings[0]);
    }

    /**
     * A failure about this node: {@link RejectReason#INVALID_ENVELOPE} for the event itself and its top-level
     * fields, {@link RejectReason#INVALID_FIELD} below.
     */
    MalformedEventException fail(String problem) {
        return fail(problem, (Throwable) null);
    }

    /** A failure about this node (as {@link #fail(String)}) caused by {@code cause}. */
    MalformedEventException fail(String problem, Throwable cause) {
        boolean envelope = pointer.lastIndexOf('/') <= 0;
        return fail(problem, envelope ? RejectReason.INVALID_ENVELOPE : RejectReason.INVALID_FIELD, cause);
    }

    /** A failure about this node; a {@code problem} starting with ':' follows the field name directly. */
    MalformedEventException fail(String problem, RejectReason reason, Throwable cause) {
        String separator = problem.startsWith(":") ? "" : " ";
        return new MalformedEventException(reason,
                "malformed CloudTrail Route 53 " + where + ": " + display() + separator + problem, pointer, cause);
    }

    private EventNode required(String field) {
        return optional(field).orElseThrow(() -> child(field).fail("is missing"));
    }

    private Optional<EventNode> optional(String field) {
        if (!node.isObject()) {
            throw wrongType("an object");
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(child(field).withNode(value));
    }

    private EventNode child(String field) {
        return new EventNode(null, pointer + "/" + escape(field), where);
    }

    private EventNode withNode(JsonNode value) {
        return new EventNode(value, pointer, where);
    }

    private MalformedEventException wrongType(String expected) {
        return fail("should be " + expected + " but is " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private String display() {
        return pointer.isEmpty() ? "the document" : "field " + path(pointer);
    }

    /** A JSON pointer as a path: {@code /detail/changes/0/name} is {@code detail.changes[0].name}. */
    static String path(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String field = segment.replace("~1", "/").replace("~0", "~");
            if (!field.isEmpty() && field.chars().allMatch(Character::isDigit)) {
                out.append('[').append(field).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(field);
            }
        }
        return out.toString();
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }
}
