package io.zonebridge.ec2;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The mapping of DescribeInstances output to {@link InstanceDescription}, from the shared CLI captures
 * (moto gives no IPv6 and no terminated-instance shape). The CLI JSON is read into the SDK's own model builders.
 */
class InstanceDescriptionMappingTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The capture's instance; timestamp members (which need a time module) are left out. */
    private static Instance instance(String fixture) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(Fixtures.read("aws-events/ec2_api/" + fixture))
                .get("Reservations").get(0).get("Instances").get(0);
        List<InstanceNetworkInterface> interfaces = new ArrayList<>();
        for (JsonNode eni : node.get("NetworkInterfaces")) {
            ObjectNode copy = eni.deepCopy();
            copy.remove("Attachment");
            interfaces.add(JSON.treeToValue(copy, InstanceNetworkInterface.serializableBuilderClass()).build());
        }
        node.remove(List.of("LaunchTime", "UsageOperationUpdateTime", "BlockDeviceMappings", "NetworkInterfaces"));
        return JSON.treeToValue(node, Instance.serializableBuilderClass()).networkInterfaces(interfaces).build();
    }

    @Test
    void runningCaptureMapsAddressesIpv6AndTags() throws Exception {
        InstanceDescription d = InstanceDescriber.toDescription(instance("describe_instances_running.json"));
        assertEquals(new InstanceDescription("i-0abc1234def567890", InstanceState.RUNNING, "vpc-0abc1234def567890",
                "subnet-0abc1234def567890", List.of("10.0.1.25"), "203.0.113.25", List.of("2001:db8:1234:1a00::25"),
                "ip-10-0-1-25.ec2.internal",
                Map.of("Name", "web-01", "ZONE", "internal.example.com.", "CNAME", "web.internal.example.com.")), d);
    }

    @Test
    void terminatedCaptureHasNoAddressesButKeepsTags() throws Exception {
        InstanceDescription d = InstanceDescriber.toDescription(instance("describe_instances_terminated.json"));
        assertEquals(InstanceState.TERMINATED, d.state());
        assertNull(d.vpcId());
        assertEquals(List.of(), d.privateIpv4());
        assertNull(d.publicIpv4());
        assertNull(d.privateDnsName());
        assertEquals("web-01", d.tags().get("Name"));
    }
}
