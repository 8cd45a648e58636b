package io.zonebridge.deploy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a CloudFormation YAML template into a Jackson tree, turning the short-form intrinsic tags into
 * their long form: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} becomes {@code {"Fn::Sub": s}}, and so on.
 * An unknown tag is an error naming it and its line.
 */
public final class CloudFormationYaml {

    private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "ToJsonString", "Length");
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    /**
     * Parses a template.
     *
     * @param text   the YAML text
     * @param source where it came from, for error messages
     * @throws IllegalArgumentException naming the source and line of a syntax error or an unknown tag
     */
    public static JsonNode parse(String text, String source) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException(source + ": empty template");
            }
            return value(parser, first, source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token, String source) throws IOException {
        Object typeId = parser.getTypeId();
        String tag = typeId == null ? null : typeId.toString();
        JsonLocation where = parser.currentLocation();
        JsonNode node = switch (token) {
            case START_OBJECT -> object(parser, source);
            case START_ARRAY -> array(parser, source);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalArgumentException(source + " line " + where.getLineNr()
                    + ": unexpected " + token);
        };
        if (tag == null || tag.startsWith("tag:yaml.org")) {
            return node;
        }
        return intrinsic(tag, node, source + " line " + where.getLineNr());
    }

    private static ObjectNode object(JsonParser parser, String source) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            object.set(name, value(parser, parser.nextToken(), source));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, String source) throws IOException {
        ArrayNode array = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            array.add(value(parser, token, source));
        }
        return array;
    }

    private static JsonNode intrinsic(String tag, JsonNode argument, String where) {
        ObjectNode call = NODES.objectNode();
        if (tag.equals("Ref") || tag.equals("Condition")) {
            return call.set(tag, argument);
        }
        if (!FUNCTIONS.contains(tag)) {
            throw new IllegalArgumentException(where + ": unknown CloudFormation tag !" + tag);
        }
        if (tag.equals("GetAtt") && argument.isTextual()) {
            String text = argument.asText();
            int dot = text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw new IllegalArgumentException(where + ": !GetAtt needs Resource.Attribute, got '" + text + "'");
            }
            argument = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        return call.set("Fn::" + tag, argument);
    }
}
