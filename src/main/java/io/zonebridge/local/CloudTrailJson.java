package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a Route 53 XML element into JSON the way CloudTrail records API members: each member name with only its
 * first letter lower-cased ({@code TTL} becomes {@code tTL}, {@code DNSName} {@code dNSName}), a list element
 * ({@code Changes}, {@code ResourceRecords}) an array, numbers and booleans typed, and text exactly as sent.
 */
public final class CloudTrailJson {
    private static final Set<String> NUMBERS = Set.of("TTL", "Weight");
    private static final Set<String> BOOLEANS = Set.of("EvaluateTargetHealth", "MultiValueAnswer");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CloudTrailJson() {
    }

    /** The JSON of {@code element}'s content. */
    public static JsonNode convert(Element element) {
        List<Element> children = children(element);
        String name = localName(element);
        if (children.isEmpty()) {
            return leaf(name, element.getTextContent());
        }
        if (children.stream().allMatch(c -> (localName(c) + "s").equals(name))) {
            return children.stream().map(CloudTrailJson::convert).collect(JSON::arrayNode,
                    (array, node) -> array.add(node), (a, b) -> a.addAll(b));
        }
        ObjectNode object = JSON.objectNode();
        for (Element child : children) {
            object.set(memberName(localName(child)), convert(child));
        }
        return object;
    }

    /** CloudTrail's spelling of API member {@code name}. */
    public static String memberName(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static JsonNode leaf(String name, String text) {
        if (NUMBERS.contains(name) && text.trim().matches("-?\\d{1,18}")) {
            return JSON.numberNode(Long.parseLong(text.trim()));
        }
        if (BOOLEANS.contains(name) && text.trim().matches("true|false")) {
            return JSON.booleanNode(Boolean.parseBoolean(text.trim()));
        }
        return JSON.textNode(text);
    }

    private static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
