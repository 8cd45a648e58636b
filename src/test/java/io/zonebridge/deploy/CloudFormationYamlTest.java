package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@link CloudFormationYaml} reads short-form intrinsic tags as their long form. */
class CloudFormationYamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void shortFormTagsBecomeLongForm() throws Exception {
        JsonNode tree = CloudFormationYaml.parse("""
                A: !Ref Queue
                B: !GetAtt Queue.Arn
                C: !Sub arn:${AWS::Partition}:sqs:${AWS::Region}
                D: !Join [",", [!Ref X, !Ref Y]]
                E: !If [Cond, !GetAtt R.Outputs.Name, !Ref "AWS::NoValue"]
                F: !Sub
                  - "${A}-${B}"
                  - { A: !Ref P }
                G: !Equals [!Ref "AWS::Region", us-east-1]
                H: !Not [!Condition Other]
                I: plain
                J: 5
                """, "t.yaml");
        assertEquals(json("""
                {"A": {"Ref": "Queue"},
                 "B": {"Fn::GetAtt": ["Queue", "Arn"]},
                 "C": {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}"},
                 "D": {"Fn::Join": [",", [{"Ref": "X"}, {"Ref": "Y"}]]},
                 "E": {"Fn::If": ["Cond", {"Fn::GetAtt": ["R", "Outputs.Name"]}, {"Ref": "AWS::NoValue"}]},
                 "F": {"Fn::Sub": ["${A}-${B}", {"A": {"Ref": "P"}}]},
                 "G": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]},
                 "H": {"Fn::Not": [{"Condition": "Other"}]},
                 "I": "plain",
                 "J": 5}
                """), tree);
    }

    @Test
    void longFormPassesThrough() throws Exception {
        assertEquals(json("{\"A\": {\"Fn::GetAtt\": [\"Q\", \"Arn\"]}}"),
                CloudFormationYaml.parse("A: {\"Fn::GetAtt\": [Q, Arn]}", "t.yaml"));
    }

    @Test
    void unknownTagIsAnErrorWithItsLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CloudFormationYaml.parse("A: 1\nB: !Reff Queue\n", "t.yaml"));
        assertTrue(error.getMessage().contains("t.yaml line 2"), error.getMessage());
        assertTrue(error.getMessage().contains("!Reff"), error.getMessage());
    }

    @Test
    void getAttWithoutAttributeIsAnError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CloudFormationYaml.parse("A: !GetAtt Queue\n", "t.yaml"));
        assertTrue(error.getMessage().contains("Resource.Attribute"), error.getMessage());
    }

    @Test
    void syntaxErrorNamesTheSource() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CloudFormationYaml.parse("A: [1, 2\n", "broken.yaml"));
        assertTrue(error.getMessage().startsWith("broken.yaml"), error.getMessage());
    }
}
