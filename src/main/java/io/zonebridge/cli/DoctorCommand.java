package io.zonebridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonebridge.app.Route53Connection;
import io.zonebridge.doctor.DoctorConnection;
import io.zonebridge.doctor.DoctorReport;
import io.zonebridge.doctor.LookupQuery;
import io.zonebridge.doctor.ReportText;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * {@code zonebridge doctor ADDRESS|NAME --vpc VPC_ID}: explains why a lookup in a VPC answers what it does (see
 * {@link io.zonebridge.doctor.Doctor}). Read-only. Exit codes: 0 the lookup answers as expected; 1 a problem was
 * found (the report says what to fix); 2 bad input (address, VPC, resolver); 4 AWS could not be read.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Explain why a reverse (or forward) lookup in a VPC does not answer what it should: every "
                + "source that could answer (Resolver rules, autodefined reverse rules, private hosted zones, the "
                + "internet), which one wins and why, the answer it should give, the answer a resolver gives, the "
                + "outbound endpoint path of a forwarding rule, and what to fix. Changes nothing.",
                "Exit: 0 answers as expected, 1 problem found, 2 bad input, 4 AWS not readable."})
public final class DoctorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ADDRESS|NAME", description = "An IP address (PTR lookup) or a name.")
    String target;

    @Option(names = "--vpc", required = true, paramLabel = "VPC_ID", description = "The VPC the lookup is made in.")
    String vpc;

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]",
            description = "DNS server to ask (default: the VPC's Resolver, VPC CIDR base + 2, port 53).")
    String resolver;

    String type;

    @Option(names = "--type", paramLabel = "TYPE", description = "Record type for a name, any DNS type (default: A).")
    void type(String text) {
        if (org.xbill.DNS.Type.value(text.trim().toUpperCase(java.util.Locale.ROOT)) < 0) {
            throw OptionValues.error(spec, "--type", "unknown record type '" + text + "'");
        }
        type = text.trim();
    }

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "Region of the VPC (default: ${DEFAULT-VALUE}).")
    String region;

    @Mixin
    EndpointOption endpoint;

    @Option(names = "--ec2-endpoint", paramLabel = "URL", description = "EC2 endpoint (default: --endpoint).")
    URI ec2Endpoint;

    double timeoutSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3",
            description = "How long to wait for the resolver's answer, greater than 0 (default: ${DEFAULT-VALUE}).")
    void timeout(String text) {
        timeoutSeconds = OptionValues.positive(spec, "--timeout", text);
    }

    @Mixin
    RateOption rate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LookupQuery query;
        Optional<InetSocketAddress> server;
        try {
            query = LookupQuery.parse(target, type);
            server = Optional.ofNullable(resolver).map(DoctorCommand::server);
            if (!vpc.matches("vpc-[0-9a-f]+")) {
                throw new IllegalArgumentException("--vpc '" + vpc + "' is not a VPC id (vpc-...)");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        boolean local = endpoint.uri() != null || ec2Endpoint != null;
        try (DoctorConnection connection = new DoctorConnection(Region.of(region), endpoint.uri(),
                ec2Endpoint != null ? ec2Endpoint : endpoint.uri(),
                Route53Connection.credentials(local), rate.perSecond())) {
            DoctorReport report = connection.doctor().diagnose(query, vpc, region, server,
                    Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                out.print(ReportText.render(report));
            }
            out.flush();
            return report.exitCode();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (SdkException | IllegalStateException e) {
            err.println("error: cannot read AWS: " + e.getMessage());
            err.flush();
            return ExitCodes.UNAVAILABLE;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("report not serialisable: " + e.getMessage(), e);
        }
    }

    private static InetSocketAddress server(String text) {
        String host = text;
        int port = 53;
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.indexOf(':') == colon) {
            host = text.substring(0, colon);
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--resolver '" + text + "': the port is not a number");
            }
        }
        if (port < 1 || port > 65535 || host.isBlank()) {
            throw new IllegalArgumentException("--resolver '" + text + "' is not HOST[:PORT]");
        }
        return new InetSocketAddress(host, port);
    }
}
