package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment templates are structurally sound, and the structural check finds what is wrong. */
class TemplateStructureTest {

    @Test
    void networkAccountTemplateIsSound() {
        assertEquals(List.of(), TemplateStructure.problems(CloudFormationTemplate.load(DeployTemplates.NETWORK)));
    }

    @Test
    void memberAccountTemplateIsSound() {
        assertEquals(List.of(), TemplateStructure.problems(CloudFormationTemplate.load(DeployTemplates.MEMBER)));
    }

    @Test
    void reportsEveryKindOfProblem() {
        CloudFormationTemplate broken = CloudFormationTemplate.parse("""
                Parameters:
                  Used: { Type: String }
                  Unused: { Type: String }
                Conditions:
                  Real: !Equals [!Ref Used, x]
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: Imaginary
                    Properties:
                      QueueName: !Sub "${Used}-${Missing}-${!Literal}"
                  Untyped:
                    Properties:
                      Arn: !GetAtt Used.Arn
                      Other: !Ref Nowhere
                      Role: arn:aws:iam::123456789012:role/x
                      Choice: !If [Unknown, a, b]
                    DependsOn: Ghost
                """, "broken.yaml");
        assertEquals(List.of(
                "broken.yaml: resource Queue uses undeclared condition \"Imaginary\"",
                "broken.yaml: resource Untyped has no valid Type ('')",
                "broken.yaml: Fn::Sub names undeclared 'Missing'",
                "broken.yaml: Fn::GetAtt names undeclared 'Used'",
                "broken.yaml: Ref names undeclared 'Nowhere'",
                "broken.yaml: DependsOn names undeclared 'Ghost'",
                "broken.yaml: parameter Unused is never used",
                "broken.yaml: undeclared condition 'Unknown'",
                "broken.yaml: hard-coded account id at /Resources/Untyped/Properties/Role: arn:aws:iam::123456789012:role/x"),
                TemplateStructure.problems(broken));
    }
}
