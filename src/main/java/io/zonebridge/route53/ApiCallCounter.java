package io.zonebridge.route53;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.IoUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what a Route 53 client really sends, as an SDK interceptor: one request per attempt (so
 * paginator pages, retries and waiter polls all count), retries, and error responses by the
 * {@code <Code>} of Route 53's XML error envelope. {@link #snapshot()} gives an {@link ApiCallStats};
 * {@link #lastSent} when the last request of an operation went to the HTTP client (for latency benchmarks).
 */
public final class ApiCallCounter implements ExecutionInterceptor {

    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("zonebridge.attempt");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder retries = new LongAdder();
    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String key = operation == null ? "unknown" : operation;
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
        lastSent.put(key, System.nanoTime());
        Integer previous = attributes.getAttribute(ATTEMPT);
        int attempt = previous == null ? 1 : previous + 1;
        attributes.putAttribute(ATTEMPT, attempt);
        if (attempt > 1) {
            retries.increment();
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (context.httpResponse().isSuccessful() || body.isEmpty()) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = IoUtils.toByteArray(in);
        } catch (IOException e) {
            throw SdkClientException.create("could not read a Route 53 error response", e);
        }
        Matcher code = ERROR_CODE.matcher(new String(bytes, StandardCharsets.UTF_8));
        String key = code.find() ? code.group(1).trim() : "HTTP " + context.httpResponse().statusCode();
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    /**
     * When the last request of {@code operation} (its last attempt) was handed to the HTTP client, signed and ready
     * to go, on the {@link System#nanoTime()} clock; empty when none was.
     */
    public OptionalLong lastSent(String operation) {
        Long at = lastSent.get(operation);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The counts so far. */
    public ApiCallStats snapshot() {
        return new ApiCallStats(sums(requests), retries.sum(), sums(errors));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new HashMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
