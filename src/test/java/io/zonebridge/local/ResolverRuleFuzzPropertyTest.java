package io.zonebridge.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever JSON a client sends to the Resolver rule and endpoint operations, the emulator answers 200 or a Resolver
 * error ({@code __type}), never a 5xx.
 */
class ResolverRuleFuzzPropertyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> OPERATIONS = List.of("CreateResolverRule", "GetResolverRule",
            "ListResolverRules", "DeleteResolverRule", "AssociateResolverRule", "DisassociateResolverRule",
            "ListResolverRuleAssociations", "CreateResolverEndpoint", "GetResolverEndpoint", "ListResolverEndpoints",
            "DeleteResolverEndpoint", "ListResolverEndpointIpAddresses");
    private static LocalAwsServer server;

    @BeforeContainer
    static void start() {
        server = new LocalAwsServer(LocalRoute53Options.defaults().withPendingMillis(0));
        server.start(0);
    }

    @AfterContainer
    static void stop() {
        server.stop();
    }

    @Property(tries = 300)
    void anyBodyGetsAnAnswerOrAResolverError(@ForAll("operations") String operation, @ForAll("bodies") String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint()))
                .header("X-Amz-Target", "Route53Resolver." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 500, response.statusCode() + " for " + operation + " " + body + ": "
                + response.body());
        assertTrue(response.statusCode() == 200 || response.body().contains("\"__type\""), response.body());
    }

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.of(OPERATIONS);
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "-1", "0", "53", "70000", "\"\"", "\"x\"", "[]", "{}", "[1]",
                        "[\"sg-0abc\"]", "[{}]", "\"FORWARD\"", "\"SYSTEM\"", "\"RECURSIVE\"", "\"OUTBOUND\"",
                        "\"vpc-0abc\"", "\"example.com\"", "\"rslvr-autodefined-rr-internet-resolver\"",
                        "[{\"Ip\":\"192.0.2.1\"}]", "[{\"Ip\":1}]", "[{\"SubnetId\":\"subnet-0a\",\"Ip\":\"10.0.0.1\"},"
                                + "{\"SubnetId\":\"subnet-0b\",\"Ip\":\"10.0.0.2\"}]",
                        "[{\"Name\":\"VPCId\",\"Values\":[\"vpc-0abc\"]}]", "[{\"Name\":\"Nope\"}]", "\"b2Zmc2V0Ojk5\""));
        Arbitrary<String> member = Arbitraries.of("CreatorRequestId", "RuleType", "DomainName", "TargetIps",
                "ResolverEndpointId", "ResolverRuleId", "VPCId", "Name", "Direction", "SecurityGroupIds",
                "IpAddresses", "Filters", "MaxResults", "NextToken");
        Arbitrary<String> pair = net.jqwik.api.Combinators.combine(member, value).as((m, v) -> "\"" + m + "\":" + v);
        Arbitrary<String> object = pair.list().ofMaxSize(8).map(pairs -> "{" + String.join(",", pairs) + "}");
        return Arbitraries.oneOf(object, Arbitraries.of("", "[]", "not json", "{\"a\":", "null"));
    }
}
