package io.zonebridge.ec2;

import io.zonebridge.local.LocalAwsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** InstanceDescriber and VpcDescriber through the SDK against the project's EC2 emulator. */
class Ec2DescribersTest {

    private static LocalAwsServer emulator;
    private static Ec2Client ec2;
    private static Ec2Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        emulator = Ec2TestClients.emulator();
        ec2 = Ec2TestClients.against(emulator);
        sandbox = new Ec2Sandbox(ec2);
    }

    @AfterAll
    static void stop() {
        ec2.close();
        emulator.stop();
    }

    @Test
    void describesARunningInstanceWithAddressesVpcAndTags() {
        String vpc = sandbox.vpc("10.0.0.0/16", "internal.example.com", true, true);
        String subnet = sandbox.subnet(vpc, "10.0.1.0/24");
        String id = sandbox.run(subnet, "10.0.1.25", Map.of("Name", "web-01", "ZONE", "internal.example.com."));

        InstanceDescription d = new InstanceDescriber(ec2).describe(id).orElseThrow();
        assertEquals(id, d.instanceId());
        assertEquals(InstanceState.RUNNING, d.state());
        assertEquals(vpc, d.vpcId());
        assertEquals(subnet, d.subnetId());
        assertEquals("10.0.1.25", d.primaryPrivateIpv4().orElseThrow());
        assertNotNull(d.publicIpv4(), "the emulator gives a public address when asked for one");
        assertEquals("ip-10-0-1-25.ec2.internal", d.privateDnsName());
        assertEquals(Map.of("Name", "web-01", "ZONE", "internal.example.com."), d.tags());
    }

    @Test
    void unknownInstanceIsAbsentAndTerminatedOneSaysSo() {
        InstanceDescriber describer = new InstanceDescriber(ec2);
        assertEquals(Optional.empty(), describer.describe("i-0123456789abcdef0"));
        String vpc = sandbox.vpc("10.1.0.0/16", null, true, true);
        String id = sandbox.run(sandbox.subnet(vpc, "10.1.1.0/24"), "10.1.1.5", Map.of());
        sandbox.terminate(id);
        assertEquals(InstanceState.TERMINATED, describer.describe(id).orElseThrow().state());
    }

    @Test
    void describesVpcDnsAttributesAndDhcpDomainNames() {
        String vpc = sandbox.vpc("10.2.0.0/16", "corp.example.com Other.Example.com", false, true);
        VpcDescription d = new VpcDescriber(ec2).describe(vpc).orElseThrow();
        assertEquals(new VpcDescription(vpc, false, true, List.of("corp.example.com.", "other.example.com.")), d);

        String plain = sandbox.vpc("10.3.0.0/16", null, true, false);
        assertEquals(new VpcDescription(plain, true, false, List.of()), new VpcDescriber(ec2).describe(plain).orElseThrow());
        assertTrue(new VpcDescriber(ec2).describe("vpc-0123456789abcdef0").isEmpty());
    }
}
