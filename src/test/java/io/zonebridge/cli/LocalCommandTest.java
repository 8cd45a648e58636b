package io.zonebridge.cli;

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
        long deadline = System.currentTimeMillis() + 10_000;
        Matcher m = endpoint.matcher("");
        while (System.currentTimeMillis() < deadline && !(m = endpoint.matcher(output.toString())).find()) {
            Thread.sleep(50);
        }
        assertTrue(m.find(0), output.toString());
        assertTrue(output.toString().contains("DNS on 127.0.0.1 port "), output.toString());
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(m.group(1) + "/2013-04-01/hostedzone")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("<ListHostedZonesResponse"), list.body());
        command.shutdown();
        assertEquals(0, run.get(10, TimeUnit.SECONDS));
    }
}
