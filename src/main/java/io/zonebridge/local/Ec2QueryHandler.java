package io.zonebridge.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Serves EC2's Query protocol (form-encoded {@code Action=...&Version=2016-11-15}, XML answers in the EC2
 * namespace, failures as {@code <Response><Errors><Error>} with EC2's codes), per account (access key) and region
 * (credential scope): instances ({@link Ec2InstanceOperations}), VPCs, subnets and DHCP options
 * ({@link Ec2VpcOperations}), tags ({@link Ec2Tagging}), security groups ({@link Ec2SecurityGroupOperations}),
 * network ACLs ({@link Ec2NetworkAclOperations}), route tables ({@link Ec2RouteTableOperations}), VPC peering
 * ({@link Ec2VpcPeeringOperations}), internet gateways ({@link Ec2InternetGatewayOperations}) and transit gateways
 * ({@link Ec2TransitGatewayOperations}). The per-account request rate of the emulator's options
 * applies, answered as EC2's {@code RequestLimitExceeded}. Close it to stop its state transitions.
 */
public final class Ec2QueryHandler implements AutoCloseable {
    /** The EC2 API version the handler speaks. */
    public static final String VERSION = "2016-11-15";
    private final Ec2State ec2;
    private final Ec2InstanceOperations instances;
    private final Ec2VpcOperations vpcs = new Ec2VpcOperations();
    private final Ec2SecurityGroupOperations securityGroups = new Ec2SecurityGroupOperations();
    private final Ec2NetworkAclOperations networkAcls = new Ec2NetworkAclOperations();
    private final Ec2RouteTableOperations routeTables = new Ec2RouteTableOperations();
    private final Ec2VpcPeeringOperations peerings = new Ec2VpcPeeringOperations();
    private final Ec2InternetGatewayOperations internetGateways = new Ec2InternetGatewayOperations();
    private final Ec2TransitGatewayOperations transitGateways;
    private final Ec2EventEmitter events;
    private final RequestRateLimiter limiter;
    private final OperationCounters counters;
    private final ScheduledExecutorService scheduler;

    /**
     * A handler emitting its events through {@code events}.
     *
     * @param limiter request rate per account, or null for none
     */
    public Ec2QueryHandler(Ec2State ec2, Ec2EventEmitter events, Ec2Timings timings, RequestRateLimiter limiter,
                           OperationCounters counters, LongSupplier clock) {
        this.ec2 = ec2;
        this.events = events;
        this.limiter = limiter;
        this.counters = counters;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-aws-ec2");
            thread.setDaemon(true);
            return thread;
        });
        this.instances = new Ec2InstanceOperations(ec2, events, timings, scheduler, clock);
        this.transitGateways = new Ec2TransitGatewayOperations(timings, clock);
    }

    /** Whether a Query request (its query string and form body) is an EC2 call. */
    public static boolean isEc2Request(String rawQuery, byte[] body) {
        Map<String, String> params = Route53Router.query(rawQuery);
        params.putAll(Route53Router.query(new String(body, StandardCharsets.UTF_8)));
        return VERSION.equals(params.get("Version"));
    }

    /** Answers one HTTP exchange. */
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status = 200;
        String answer;
        try {
            Map<String, String> raw = Route53Router.query(exchange.getRequestURI().getRawQuery());
            raw.putAll(Route53Router.query(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            Ec2Params params = new Ec2Params(raw);
            String action = params.get("Action") == null ? "" : params.get("Action");
            counters.request(action);
            Caller caller = Caller.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"));
            if (limiter != null && !limiter.tryAcquire(caller.account())) {
                counters.throttle();
                throw new ServiceException(503, "RequestLimitExceeded", "Request limit exceeded.");
            }
            Supplier<String> operation = () -> call(action, ec2.region(caller.account(), caller.region()), params,
                    requestId);
            answer = action.startsWith("Describe") ? ec2.read(operation) : ec2.mutate(operation);
            if (action.equals("CreateTags") || action.equals("DeleteTags")) {
                events.tagsCall(caller, caller.region(), action, Ec2Tagging.resourceIds(params),
                        action.equals("CreateTags") ? params.tags("Tag") : Ec2Tagging.deletedTags(params), requestId,
                        exchange.getRemoteAddress().getAddress().getHostAddress(),
                        String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            }
        } catch (ServiceException e) {
            status = e.status();
            answer = error(e, requestId);
        } catch (RuntimeException e) {
            status = 500;
            answer = error(new ServiceException(500, "InternalError", "Internal emulator error: " + e), requestId);
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String call(String action, Ec2Region region, Ec2Params params, String requestId) {
        return switch (action) {
            case "RunInstances" -> instances.runInstances(region, params, requestId);
            case "DescribeInstances" -> instances.describeInstances(region, params, requestId);
            case "StopInstances" -> instances.stopInstances(region, params, requestId);
            case "StartInstances" -> instances.startInstances(region, params, requestId);
            case "TerminateInstances" -> instances.terminateInstances(region, params, requestId);
            case "CreateTags" -> Ec2Tagging.createTags(region, params, requestId);
            case "DeleteTags" -> Ec2Tagging.deleteTags(region, params, requestId);
            case "CreateVpc" -> vpcs.createVpc(region, params, requestId);
            case "DescribeVpcs" -> vpcs.describeVpcs(region, params, requestId);
            case "DescribeVpcAttribute" -> vpcs.describeVpcAttribute(region, params, requestId);
            case "ModifyVpcAttribute" -> vpcs.modifyVpcAttribute(region, params, requestId);
            case "CreateSubnet" -> vpcs.createSubnet(region, params, requestId);
            case "DescribeSubnets" -> vpcs.describeSubnets(region, params, requestId);
            case "CreateDhcpOptions" -> vpcs.createDhcpOptions(region, params, requestId);
            case "DescribeDhcpOptions" -> vpcs.describeDhcpOptions(region, params, requestId);
            case "AssociateDhcpOptions" -> vpcs.associateDhcpOptions(region, params, requestId);
            case "CreateSecurityGroup" -> securityGroups.createSecurityGroup(region, params, requestId);
            case "DescribeSecurityGroups" -> securityGroups.describeSecurityGroups(region, params, requestId);
            case "AuthorizeSecurityGroupIngress" -> securityGroups.authorize(region, params, requestId, false);
            case "AuthorizeSecurityGroupEgress" -> securityGroups.authorize(region, params, requestId, true);
            case "RevokeSecurityGroupIngress" -> securityGroups.revoke(region, params, requestId, false);
            case "RevokeSecurityGroupEgress" -> securityGroups.revoke(region, params, requestId, true);
            case "CreateNetworkAcl" -> networkAcls.createNetworkAcl(region, params, requestId);
            case "DescribeNetworkAcls" -> networkAcls.describeNetworkAcls(region, params, requestId);
            case "CreateNetworkAclEntry" -> networkAcls.createNetworkAclEntry(region, params, requestId);
            case "ReplaceNetworkAclAssociation" -> networkAcls.replaceNetworkAclAssociation(region, params,
                    requestId);
            case "CreateRouteTable" -> routeTables.createRouteTable(region, params, requestId);
            case "DescribeRouteTables" -> routeTables.describeRouteTables(region, params, requestId);
            case "CreateRoute" -> routeTables.createRoute(region, ec2, params, requestId);
            case "AssociateRouteTable" -> routeTables.associateRouteTable(region, params, requestId);
            case "CreateVpcPeeringConnection" -> peerings.create(ec2, region, params, requestId);
            case "AcceptVpcPeeringConnection" -> peerings.accept(ec2, region, params, requestId);
            case "DescribeVpcPeeringConnections" -> peerings.describe(ec2, region, params, requestId);
            case "CreateInternetGateway" -> internetGateways.createInternetGateway(region, params, requestId);
            case "AttachInternetGateway" -> internetGateways.attachInternetGateway(region, params, requestId);
            case "DescribeInternetGateways" -> internetGateways.describeInternetGateways(region, params, requestId);
            case "CreateTransitGateway" -> transitGateways.createTransitGateway(region, params, requestId);
            case "DescribeTransitGateways" -> transitGateways.describeTransitGateways(region, params, requestId);
            case "CreateTransitGatewayVpcAttachment" -> transitGateways.createTransitGatewayVpcAttachment(region,
                    params, requestId);
            case "DescribeTransitGatewayVpcAttachments" -> transitGateways.describeTransitGatewayVpcAttachments(
                    region, params, requestId);
            case "DescribeTransitGatewayAttachments" -> transitGateways.describeTransitGatewayAttachments(region,
                    params, requestId);
            default -> throw new ServiceException(400, "InvalidAction",
                    "The action " + action + " is not valid for this web service.");
        };
    }

    private static String error(ServiceException e, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
                + XmlWriter.escape(e.code()) + "</Code><Message>" + XmlWriter.escape(e.getMessage())
                + "</Message></Error></Errors><RequestID>" + requestId + "</RequestID></Response>";
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
