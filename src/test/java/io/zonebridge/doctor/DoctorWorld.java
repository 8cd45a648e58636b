package io.zonebridge.doctor;

import io.zonebridge.local.Ec2Timings;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.VPCRegion;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.AutodefinedReverseFlag;
import software.amazon.awssdk.services.route53resolver.model.IpAddressRequest;
import software.amazon.awssdk.services.route53resolver.model.ResolverEndpointDirection;
import software.amazon.awssdk.services.route53resolver.model.RuleTypeOption;
import software.amazon.awssdk.services.route53resolver.model.TargetAddress;

/**
 * Test scenery for one diagnosis, all in the project's emulator: Route 53, Resolver rules and endpoints, EC2 (VPCs,
 * subnets, security groups, network ACLs, route tables, internet gateways, peering, transit gateways) and its DNS
 * port answering from the hosted zones, built through the real SDK clients, and a {@link DoctorConnection} over
 * it. Each world has its own emulator and account; EC2 state transitions are immediate.
 */
final class DoctorWorld implements AutoCloseable {
    static final String REGION = "us-east-1";

    private final LocalAwsServer aws = new LocalAwsServer(LocalRoute53Options.defaults().withPendingMillis(0)
            .withDnsPort(0)).withEc2Timings(new Ec2Timings(0, 3_600_000));
    private final AwsCredentialsProvider credentials;
    final Route53Client route53;
    final Route53ResolverClient resolver;
    final Ec2Client ec2;

    /** A world in an account of its own. */
    DoctorWorld() {
        this(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                "AKIADOCTOR" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(), "s")));
    }

    /** A world in the account of {@code credentials}. */
    DoctorWorld(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
        aws.start(0);
        route53 = Route53Client.builder().endpointOverride(URI.create(aws.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
        resolver = Route53ResolverClient.builder().endpointOverride(URI.create(aws.endpoint()))
                .region(Region.of(REGION)).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        ec2 = Ec2Client.builder().endpointOverride(URI.create(aws.endpoint())).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** Diagnoses {@code target} in {@code vpc}, asking {@code dns}. */
    DoctorReport diagnose(String target, String vpc, InetSocketAddress dns) {
        try (DoctorConnection connection = new DoctorConnection(Region.of(REGION), URI.create(aws.endpoint()),
                URI.create(aws.endpoint()), credentials, 100)) {
            return connection.doctor().diagnose(LookupQuery.parse(target, null), vpc, REGION, Optional.of(dns),
                    Duration.ofSeconds(1));
        }
    }

    String endpoint() {
        return aws.endpoint();
    }

    /** The emulator's DNS port: answers from the hosted zones, as the VPC's Resolver answers from a private zone. */
    InetSocketAddress zoneDns() {
        return new InetSocketAddress("127.0.0.1", aws.dnsPort());
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** A VPC with DNS support and host names on. */
    String vpc(String cidr) {
        String vpc = ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsSupport(AttributeBooleanValue.builder().value(true).build()));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true)
                .build()));
        return vpc;
    }

    String subnet(String vpc, String cidr) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr)).subnet().subnetId();
    }

    /** An active peering connection between two VPCs. */
    String peer(String vpc, String other) {
        String pcx = ec2.createVpcPeeringConnection(r -> r.vpcId(vpc).peerVpcId(other)).vpcPeeringConnection()
                .vpcPeeringConnectionId();
        ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx));
        return pcx;
    }

    /** A transit gateway with both VPCs attached (through one subnet each); returns its id. */
    String transitGateway(String vpc, String vpcSubnet, String other, String otherSubnet) {
        String gateway = ec2.createTransitGateway(r -> r.description("hub")).transitGateway().transitGatewayId();
        ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(gateway).vpcId(vpc).subnetIds(vpcSubnet));
        ec2.createTransitGatewayVpcAttachment(r -> r.transitGatewayId(gateway).vpcId(other).subnetIds(otherSubnet));
        return gateway;
    }

    void disableAutodefinedReverse(String vpc) {
        resolver.updateResolverConfig(r -> r.resourceId(vpc).autodefinedReverseFlag(AutodefinedReverseFlag.DISABLE));
    }

    /** A private zone associated with {@code vpc}; returns its bare id. */
    String privateZone(String name, String vpc) {
        String id = route53.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcId(vpc).vpcRegion(VPCRegion.US_EAST_1))).hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** A private zone of another account, associated with {@code vpc}, with one record; returns its bare id. */
    String privateZoneOfAnotherAccount(String name, String vpc, String recordName, RRType type, String value) {
        try (Route53Client other = Route53Client.builder().endpointOverride(URI.create(aws.endpoint()))
                .region(Region.AWS_GLOBAL).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("111122223333", "s")))
                .build()) {
            String id = other.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                    .vpc(v -> v.vpcId(vpc).vpcRegion(VPCRegion.US_EAST_1))).hostedZone().id();
            other.changeResourceRecordSets(r -> r.hostedZoneId(id).changeBatch(b -> b.changes(c -> c
                    .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name(recordName).type(type).ttl(300L)
                            .resourceRecords(v -> v.value(value))))));
            return id.substring(id.lastIndexOf('/') + 1);
        }
    }

    void record(String zoneId, String name, RRType type, String value) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name(name).type(type).ttl(300L)
                        .resourceRecords(v -> v.value(value))))));
    }

    /** A security group in {@code vpc} whose only egress is {@code egress} (the default allow-all removed). */
    String securityGroup(String vpc, List<IpPermission> egress) {
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("resolver-" + UUID.randomUUID())
                .description("outbound endpoint")).groupId();
        ec2.revokeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        if (!egress.isEmpty()) {
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(egress));
        }
        return group;
    }

    static IpPermission egress(String protocol, int port, String cidr) {
        return IpPermission.builder().ipProtocol(protocol).fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    /** An outbound endpoint with one address in each subnet. */
    String outboundEndpoint(String group, String subnetA, String ipA, String subnetB, String ipB) {
        return resolver.createResolverEndpoint(r -> r.creatorRequestId(UUID.randomUUID().toString())
                .name("to-on-premises").direction(ResolverEndpointDirection.OUTBOUND).securityGroupIds(group)
                .ipAddresses(IpAddressRequest.builder().subnetId(subnetA).ip(ipA).build(),
                        IpAddressRequest.builder().subnetId(subnetB).ip(ipB).build())).resolverEndpoint().id();
    }

    /** A FORWARD rule for {@code domain} to {@code target}:53; associated with {@code vpc} unless it is null. */
    String forwardRule(String domain, String endpoint, String target, String vpc) {
        String rule = resolver.createResolverRule(r -> r.creatorRequestId(UUID.randomUUID().toString())
                .name("on-premises").ruleType(RuleTypeOption.FORWARD).domainName(domain).resolverEndpointId(endpoint)
                .targetIps(TargetAddress.builder().ip(target).port(53).build())).resolverRule().id();
        if (vpc != null) {
            resolver.associateResolverRule(r -> r.resolverRuleId(rule).vpcId(vpc).name("on-premises"));
        }
        return rule;
    }

    /** A SYSTEM rule for {@code domain}, associated with {@code vpc}. */
    String systemRule(String domain, String vpc) {
        String rule = resolver.createResolverRule(r -> r.creatorRequestId(UUID.randomUUID().toString())
                .name("answer-locally").ruleType(RuleTypeOption.SYSTEM).domainName(domain)).resolverRule().id();
        resolver.associateResolverRule(r -> r.resolverRuleId(rule).vpcId(vpc));
        return rule;
    }

    /** A route from the VPC's main route table to {@code cidr} through a new internet gateway. */
    void routeThroughGateway(String vpc, String cidr) {
        String gateway = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(gateway).vpcId(vpc));
        String table = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc),
                f -> f.name("association.main").values("true"))).routeTables().get(0).routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock(cidr).gatewayId(gateway));
    }

    /** A route from the VPC's main route table to {@code cidr} through the transit gateway {@code gateway}. */
    void routeThroughTransitGateway(String vpc, String cidr, String gateway) {
        String table = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc),
                f -> f.name("association.main").values("true"))).routeTables().get(0).routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock(cidr).transitGatewayId(gateway));
    }

    /**
     * One network ACL entry allowing traffic.
     *
     * @param protocol EC2 protocol number ({@code 6}, {@code 17})
     * @param from     first port
     * @param to       last port
     * @param egress   outbound (true) or inbound
     */
    record AclEntry(String protocol, int from, int to, boolean egress) {
    }

    /** Gives the subnets a new network ACL allowing these entries for {@code cidr}, numbered 100, 110, ... */
    String networkAcl(String vpc, List<String> subnets, String cidr, List<AclEntry> entries) {
        String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
        int number = 100;
        for (AclEntry entry : entries) {
            int rule = number;
            ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(rule).protocol(entry.protocol())
                    .portRange(p -> p.from(entry.from()).to(entry.to())).egress(entry.egress())
                    .cidrBlock(cidr).ruleAction(RuleAction.ALLOW));
            number += 10;
        }
        for (String subnet : subnets) {
            String association = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id")
                    .values(subnet))).networkAcls().get(0).associations().stream()
                    .filter(a -> subnet.equals(a.subnetId())).findFirst().orElseThrow().networkAclAssociationId();
            ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(acl));
        }
        return acl;
    }

    @Override
    public void close() {
        route53.close();
        resolver.close();
        ec2.close();
        aws.stop();
    }
}
