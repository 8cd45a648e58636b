package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The List operations of Resolver rules and endpoints: {@code Filters} (every filter must match one of its values),
 * {@code MaxResults} (1..100) and an opaque {@code NextToken}.
 */
final class ResolverListing {

    private ResolverListing() {
    }

    /**
     * Keeps the items every filter of {@code request} matches.
     *
     * @param fields the filterable fields: filter name to the item's value (null: never matches)
     */
    static <T> List<T> filter(JsonNode request, List<T> items, Map<String, Function<T, String>> fields) {
        List<T> kept = new ArrayList<>(items);
        for (JsonNode filter : request.path("Filters")) {
            String name = filter.path("Name").asText("");
            Function<T, String> field = fields.get(name);
            if (field == null) {
                throw new ServiceException(400, "InvalidParameterException", "[RSLVR-00102] The filter '" + name
                        + "' is invalid. Valid filters: " + Set.copyOf(fields.keySet()).stream().sorted().toList());
            }
            List<String> values = new ArrayList<>();
            filter.path("Values").forEach(v -> values.add(v.asText()));
            if (values.isEmpty()) {
                throw new ServiceException(400, "InvalidParameterException",
                        "[RSLVR-00102] No values specified for filter " + name);
            }
            kept.removeIf(item -> !values.contains(field.apply(item)));
        }
        return kept;
    }

    /**
     * Adds one page of {@code items} to {@code answer} under {@code member}, with NextToken when more follow, and
     * the MaxResults used (MaxResults 1..100).
     */
    static <T> void page(JsonNode request, List<T> items, ObjectNode answer, String member,
                         Function<T, JsonNode> render) {
        page(request, items, answer, member, render, 1);
        answer.put("MaxResults", request.has("MaxResults") ? request.get("MaxResults").asInt() : 100);
    }

    /** Like {@link #page(JsonNode, List, ObjectNode, String, Function)}, MaxResults {@code min}..100, not echoed. */
    static <T> void page(JsonNode request, List<T> items, ObjectNode answer, String member,
                         Function<T, JsonNode> render, int min) {
        int maxResults = request.has("MaxResults") ? request.get("MaxResults").asInt() : 100;
        if (maxResults < min || maxResults > 100) {
            throw new ServiceException(400, "ValidationException", "1 validation error detected: Value '"
                    + maxResults + "' at 'maxResults' failed to satisfy constraint: Member must have value between "
                    + min + " and 100");
        }
        int start = offset(request.path("NextToken").asText(null), items.size());
        int end = Math.min(items.size(), start + maxResults);
        if (end < items.size()) {
            answer.put("NextToken", Base64.getEncoder().encodeToString(("offset:" + end)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        ArrayNode array = answer.putArray(member);
        items.subList(start, end).forEach(item -> array.add(render.apply(item)));
    }

    private static int offset(String token, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                int offset = Integer.parseInt(decoded.substring(7));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // the error below
        }
        throw new ServiceException(400, "InvalidNextTokenException", "[RSLVR-00101] The NextToken is invalid.");
    }
}
