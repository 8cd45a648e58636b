package io.zonebridge.doctor;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.route53resolver.model.AccessDeniedException;
import software.amazon.awssdk.services.route53resolver.model.IpAddressResponse;
import software.amazon.awssdk.services.route53resolver.model.ResolverEndpoint;
import software.amazon.awssdk.services.route53resolver.model.ResourceNotFoundException;

/**
 * The path from a forwarding rule's outbound endpoint to each target, as AWS's troubleshooting guide checks it by
 * hand: the endpoint is OUTBOUND and operational; its security groups allow egress to the target on UDP and TCP
 * (the target's port); the network ACL of every endpoint subnet allows that egress and the replies inbound on the
 * ephemeral ports 1024-65535 (rules in number order, first match decides); and every endpoint subnet's route table
 * has an active route to the target.
 */
public final class OutboundEndpointChecks {
    private static final int EPHEMERAL_FROM = 1024;
    private static final int EPHEMERAL_TO = 65535;

    private final ResolverReads resolver;
    private final Ec2Reads ec2;

    /** Checks through these reads. */
    public OutboundEndpointChecks(ResolverReads resolver, Ec2Reads ec2) {
        this.resolver = resolver;
        this.ec2 = ec2;
    }

    /** Every check for the forwarding rule {@code rule}. */
    public List<EndpointCheck> check(AnswerSource rule) {
        List<EndpointCheck> checks = new ArrayList<>();
        ResolverEndpoint endpoint;
        try {
            endpoint = resolver.endpoint(rule.endpointId());
        } catch (ResourceNotFoundException | AccessDeniedException e) {
            return List.of(new EndpointCheck("endpoint " + rule.endpointId(), false, "not readable with these "
                    + "credentials (" + e.awsErrorDetails().errorCode() + "): the rule may be shared from another "
                    + "account", "run doctor with credentials of the account that owns " + rule.endpointId()));
        }
        boolean usable = "OUTBOUND".equals(endpoint.directionAsString())
                && "OPERATIONAL".equals(endpoint.statusAsString());
        checks.add(new EndpointCheck("endpoint " + endpoint.id(), usable, endpoint.directionAsString() + ", "
                + endpoint.statusAsString() + (endpoint.statusMessage() == null ? "" : ": " + endpoint.statusMessage()),
                usable ? "" : "the rule needs an OUTBOUND endpoint in status OPERATIONAL (see its StatusMessage)"));
        Set<String> subnets = new LinkedHashSet<>();
        resolver.endpointAddresses(endpoint.id()).stream().map(IpAddressResponse::subnetId).forEach(subnets::add);
        List<PortRule> egress = ec2.securityGroupEgress(endpoint.securityGroupIds());
        String groups = String.join(", ", endpoint.securityGroupIds());
        for (String target : rule.targets()) {
            String ip = target.substring(0, target.lastIndexOf(':'));
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            for (String protocol : List.of("udp", "tcp")) {
                checks.add(securityGroup(egress, groups, endpoint.securityGroupIds().get(0), protocol, ip, port));
            }
        }
        for (String subnet : subnets) {
            Ec2Reads.NetworkAclRules acl = ec2.networkAcl(subnet);
            Ec2Reads.SubnetRoutes routes = ec2.routes(subnet);
            for (String target : rule.targets()) {
                String ip = target.substring(0, target.lastIndexOf(':'));
                int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
                for (String protocol : List.of("udp", "tcp")) {
                    checks.add(aclEgress(acl, subnet, protocol, ip, port));
                    checks.add(aclEphemeral(acl, subnet, protocol, ip));
                }
                checks.add(route(routes, subnet, ip));
            }
        }
        return checks;
    }

    private static EndpointCheck securityGroup(List<PortRule> egress, String groups, String firstGroup,
                                               String protocol, String ip, int port) {
        String what = "security group egress " + protocol + "/" + port + " to " + ip;
        Optional<PortRule> allowing = egress.stream().filter(r -> r.matches(protocol, ip) && r.coversPort(port))
                .findFirst();
        if (allowing.isPresent()) {
            return new EndpointCheck(what, true, groups + ": " + allowing.get().describe(), "");
        }
        return new EndpointCheck(what, false, groups + " allow no " + protocol + " egress to " + ip + " port " + port,
                "aws ec2 authorize-security-group-egress --group-id " + firstGroup + " --ip-permissions IpProtocol="
                        + protocol + ",FromPort=" + port + ",ToPort=" + port + ",IpRanges=[{CidrIp=" + ip + "/32}]");
    }

    private static EndpointCheck aclEgress(Ec2Reads.NetworkAclRules acl, String subnet, String protocol, String ip,
                                           int port) {
        String what = "network ACL " + acl.aclId() + " (" + subnet + ") outbound " + protocol + "/" + port + " to " + ip;
        Optional<PortRule> deciding = acl.outbound().stream().filter(r -> r.matches(protocol, ip) && r.coversPort(port))
                .findFirst();
        if (deciding.isPresent() && deciding.get().allow()) {
            return new EndpointCheck(what, true, deciding.get().describe(), "");
        }
        return new EndpointCheck(what, false, deciding.map(r -> "denied by " + r.describe())
                .orElse("no rule allows it"), "aws ec2 create-network-acl-entry --network-acl-id " + acl.aclId()
                + " --egress --rule-number " + freeNumberBefore(acl.outbound(), deciding) + " --protocol " + protocol
                + " --port-range From=" + port + ",To=" + port + " --cidr-block " + ip + "/32 --rule-action allow");
    }

    private static EndpointCheck aclEphemeral(Ec2Reads.NetworkAclRules acl, String subnet, String protocol,
                                              String ip) {
        String what = "network ACL " + acl.aclId() + " (" + subnet + ") inbound " + protocol + "/" + EPHEMERAL_FROM
                + "-" + EPHEMERAL_TO + " from " + ip + " (replies)";
        BitSet open = new BitSet();
        PortRule denying = null;
        for (PortRule rule : acl.inbound()) {
            if (!rule.matches(protocol, ip)) {
                continue;
            }
            int from = Math.max(rule.fromPort(), EPHEMERAL_FROM);
            int to = Math.min(rule.toPort(), EPHEMERAL_TO);
            if (from > to) {
                continue;
            }
            if (rule.allow()) {
                open.set(from, to + 1);
            } else if (open.nextClearBit(from) <= to) {
                denying = rule;
                break;
            }
        }
        int firstClosed = open.nextClearBit(EPHEMERAL_FROM);
        if (firstClosed > EPHEMERAL_TO) {
            return new EndpointCheck(what, true, "ports " + EPHEMERAL_FROM + "-" + EPHEMERAL_TO + " allowed", "");
        }
        PortRule decided = denying;
        return new EndpointCheck(what, false, "port " + firstClosed + (decided == null ? " is allowed by no rule"
                : " is denied by " + decided.describe()) + ": replies from " + ip + " are dropped",
                "aws ec2 create-network-acl-entry --network-acl-id " + acl.aclId() + " --ingress --rule-number "
                        + freeNumberBefore(acl.inbound(), Optional.ofNullable(decided)) + " --protocol " + protocol
                        + " --port-range From=" + EPHEMERAL_FROM + ",To=" + EPHEMERAL_TO + " --cidr-block " + ip
                        + "/32 --rule-action allow");
    }

    private static EndpointCheck route(Ec2Reads.SubnetRoutes routes, String subnet, String ip) {
        String what = "route table " + routes.routeTableId() + " (" + subnet + ") route to " + ip;
        Optional<Ec2Reads.SubnetRoutes.Route> best = routes.routes().stream()
                .filter(r -> PortRule.covers(r.destination(), ip))
                .max(Comparator.comparingInt(r -> PortRule.prefixLength(r.destination())));
        if (best.isPresent() && best.get().active()) {
            return new EndpointCheck(what, true, best.get().destination() + " via " + best.get().target(), "");
        }
        return new EndpointCheck(what, false, best.map(r -> r.destination() + " via " + r.target() + " is a blackhole")
                .orElse("no route covers " + ip), "add a route to " + ip + " (VPN, Direct Connect, transit gateway or "
                + "peering) to " + routes.routeTableId() + ": aws ec2 create-route --route-table-id "
                + routes.routeTableId() + " --destination-cidr-block " + ip + "/32 --transit-gateway-id tgw-...");
    }

    /** A rule number below the deciding rule (or below the catch-all) that no entry uses. */
    private static int freeNumberBefore(List<PortRule> rules, Optional<PortRule> deciding) {
        int limit = deciding.map(PortRule::number).orElse(32767);
        Set<Integer> used = new LinkedHashSet<>();
        rules.forEach(r -> used.add(r.number()));
        for (int candidate = Math.max(1, limit - 1); candidate >= 1; candidate--) {
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        return 1;
    }
}
