package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An EventBridge event pattern, validated when parsed, matched against event JSON. Supported, per the EventBridge
 * user guide: nested objects; arrays of alternatives (OR); exact strings, numbers, booleans and null; and the
 * operators {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code wildcard}, {@code anything-but}
 * (a value, a list, or {@code prefix}/{@code suffix}), {@code exists}, {@code numeric} (comparisons and ranges)
 * and {@code cidr}. An event array matches when any of its elements matches (for a nested pattern: when one
 * element object matches all of it; EventBridge's flattening may also combine fields of different elements).
 * Not supported: {@code $or}.
 */
public final class EventPattern {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case", "wildcard",
            "anything-but", "exists", "numeric", "cidr");
    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    /** Parses and validates {@code text}, or answers EventBridge's {@code InvalidEventPatternException}. */
    public static EventPattern parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw invalid("Filter is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw invalid("Filter is not an object");
        }
        validateObject(node, "");
        return new EventPattern(node);
    }

    private static void validateObject(JsonNode object, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = path + "/" + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                validateObject(value, where);
            } else if (value.isArray()) {
                value.forEach(matcher -> validateMatcher(matcher, where));
            } else {
                throw invalid("Match value must be String, number, true, false, or null at " + where);
            }
        }
    }

    private static void validateMatcher(JsonNode matcher, String where) {
        if (matcher.isArray()) {
            throw invalid("Match value must be String, number, true, false, or null at " + where);
        }
        if (!matcher.isObject()) {
            return;
        }
        if (matcher.size() != 1 || !OPERATORS.contains(matcher.fieldNames().next())) {
            throw invalid("Unrecognized match type " + matcher.fieldNames().next() + " at " + where);
        }
        String operator = matcher.fieldNames().next();
        JsonNode operand = matcher.get(operator);
        boolean ok = switch (operator) {
            case "exists" -> operand.isBoolean();
            case "numeric" -> operand.isArray() && numericValid(operand);
            case "anything-but" -> !operand.isObject() || operand.size() == 1 && (operand.has("prefix")
                    || operand.has("suffix")) && operand.elements().next().isTextual();
            case "cidr" -> operand.isTextual() && operand.asText().contains("/");
            default -> operand.isTextual();
        };
        if (!ok) {
            throw invalid("Invalid value for " + operator + " at " + where);
        }
    }

    private static boolean numericValid(JsonNode operand) {
        if (operand.size() != 2 && operand.size() != 4) {
            return false;
        }
        for (int i = 0; i < operand.size(); i += 2) {
            if (!Set.of("<", "<=", "=", ">", ">=").contains(operand.get(i).asText()) || !operand.get(i + 1)
                    .isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static ServiceException invalid(String reason) {
        return new ServiceException(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: "
                + reason);
    }

    /** Whether {@code event} (the whole envelope) matches this pattern. */
    public boolean matches(JsonNode event) {
        return matchesObject(pattern, event);
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            boolean matched = field.getValue().isObject()
                    ? matchesNested(field.getValue(), value)
                    : matchesField(field.getValue(), value);
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesNested(JsonNode pattern, JsonNode value) {
        if (value != null && value.isArray()) {
            for (JsonNode element : value) {
                if (element.isObject() && matchesObject(pattern, element)) {
                    return true;
                }
            }
            return false;
        }
        return value != null && value.isObject() && matchesObject(pattern, value);
    }

    private static boolean matchesField(JsonNode alternatives, JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(values::add);
        } else if (value != null) {
            values.add(value);
        }
        for (JsonNode matcher : alternatives) {
            if (matcher.isObject() && matcher.has("exists")) {
                if (matcher.get("exists").asBoolean() == (value != null)) {
                    return true;
                }
            } else if (values.stream().anyMatch(v -> matchesValue(matcher, v))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesValue(JsonNode matcher, JsonNode value) {
        if (!matcher.isObject()) {
            return equal(matcher, value);
        }
        String operator = matcher.fieldNames().next();
        JsonNode operand = matcher.get(operator);
        String text = value.isTextual() ? value.asText() : null;
        return switch (operator) {
            case "prefix" -> text != null && text.startsWith(operand.asText());
            case "suffix" -> text != null && text.endsWith(operand.asText());
            case "equals-ignore-case" -> text != null && text.equalsIgnoreCase(operand.asText());
            case "wildcard" -> text != null && wildcard(operand.asText()).matcher(text).matches();
            case "anything-but" -> !anythingButExcludes(operand, value, text);
            case "numeric" -> value.isNumber() && numeric(operand, value.asDouble());
            case "cidr" -> text != null && inCidr(operand.asText(), text);
            default -> false;
        };
    }

    private static boolean anythingButExcludes(JsonNode operand, JsonNode value, String text) {
        if (operand.isObject()) {
            String affix = operand.elements().next().asText();
            return text != null && (operand.has("prefix") ? text.startsWith(affix) : text.endsWith(affix));
        }
        if (operand.isArray()) {
            for (JsonNode excluded : operand) {
                if (equal(excluded, value)) {
                    return true;
                }
            }
            return false;
        }
        return equal(operand, value);
    }

    private static boolean equal(JsonNode expected, JsonNode value) {
        if (expected.isNumber() && value.isNumber()) {
            return expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return expected.equals(value);
    }

    private static boolean numeric(JsonNode operand, double value) {
        for (int i = 0; i < operand.size(); i += 2) {
            double bound = operand.get(i + 1).asDouble();
            boolean ok = switch (operand.get(i).asText()) {
                case "<" -> value < bound;
                case "<=" -> value <= bound;
                case "=" -> value == bound;
                case ">" -> value > bound;
                default -> value >= bound;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static boolean inCidr(String cidr, String address) {
        String[] parts = cidr.split("/");
        if (parts.length != 2 || !(parts[0] + address).matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (network.length != candidate.length) {
                return false;
            }
            int shift = network.length * 8 - bits;
            return new BigInteger(1, network).shiftRight(shift).equals(new BigInteger(1, candidate).shiftRight(shift));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
