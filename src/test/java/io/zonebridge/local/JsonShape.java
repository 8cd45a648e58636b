package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Asserts that two JSON documents have the same structure: the same keys at every level and the same value kinds. */
final class JsonShape {
    private JsonShape() {
    }

    static void assertSameShape(JsonNode expected, JsonNode actual) {
        assertSameShape(expected, actual, "$");
    }

    private static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
        assertEquals(expected.getNodeType(), actual.getNodeType(), "kind of " + path);
        if (expected.isObject()) {
            assertEquals(keys(expected), keys(actual), "keys of " + path);
            expected.fieldNames().forEachRemaining(k -> assertSameShape(expected.get(k), actual.get(k),
                    path + "." + k));
        } else if (expected.isArray() && !expected.isEmpty()) {
            assertEquals(expected.size(), actual.size(), "length of " + path);
            for (int i = 0; i < expected.size(); i++) {
                assertSameShape(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }
}
