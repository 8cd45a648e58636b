package io.zonebridge.cli;

import io.zonebridge.app.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code zonebridge local} runs the emulator in the foreground and prints its endpoints. */
class LocalCommandTest {

    @Test
    void printsEndpointAndServesRoute53UntilShutDown() throws Exception {
        LocalCommand command = new LocalCommand();
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(output, true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0",
                "--dns-port", "0", "--pending-ms", "0"));
        Pattern endpoint = Pattern.compile("Route 53 endpoint (http://127\\.0\\.0\\.1:\\d+)");
        Eventually.assertWithin(Duration.ofSeconds(10), () -> endpoint.matcher(output.toString()).find(),
                output::toString);
        Matcher m = endpoint.matcher(output.toString());
        assertTrue(m.find(), output.toString());
        assertTrue(output.toString().contains("DNS on 127.0.0.1 port "), output.toString());
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(m.group(1) + "/2013-04-01/hostedzone")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("<ListHostedZonesResponse"), list.body());
        command.shutdown();
        assertEquals(0, run.get(10, TimeUnit.SECONDS));
    }

    @Test
    void listsTheServedServicesAndAppliesSqsEndpointAndExternalIds() throws Exception {
        LocalCommand command = new LocalCommand();
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(output, true));
        String role = "arn:aws:iam::222222222222:role/zonebridge";
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0",
                "--dns-port", "-1", "--sqs-endpoint", "http://127.0.0.1:9324", "--role-external-id", role + "=xid"));
        Pattern endpoint = Pattern.compile("Route 53 endpoint (http://127\\.0\\.0\\.1:\\d+)");
        Eventually.holdsWithin(Duration.ofSeconds(10), () -> output.toString().contains("SQS targets deliver to"));
        String printed = output.toString();
        assertTrue(printed.contains("serving Route 53, Route 53 Resolver, STS, Organizations, EventBridge"), printed);
        assertTrue(printed.contains("EventBridge SQS targets deliver to http://127.0.0.1:9324"), printed);
        Matcher m = endpoint.matcher(printed);
        assertTrue(m.find(), printed);
        HttpResponse<String> denied = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1)
                        + "/")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=AssumeRole&Version=2011-06-15&RoleArn="
                        + role + "&RoleSessionName=sess&ExternalId=wrong")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("<Code>AccessDenied</Code>"), denied.body());
        command.shutdown();
        assertEquals(0, run.get(10, TimeUnit.SECONDS));
    }
}
