package io.zonebridge.route53;

import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the Route 53 HTTP requests a client sent: requests by operation (every
 * attempt counts: each page, each retry, each waiter poll), retries (attempts after the first of a
 * call), and error responses by Route 53 error code.
 *
 * @param requestsByOperation HTTP requests sent, by operation name ({@code ListResourceRecordSets}, ...)
 * @param retries             attempts that repeated an earlier failed attempt of the same call
 * @param errorsByCode        error responses received, by error code ({@code Throttling}, ...)
 */
public record ApiCallStats(Map<String, Long> requestsByOperation, long retries, Map<String, Long> errorsByCode) {

    /** Route 53's throttling error code. */
    public static final String THROTTLING = "Throttling";
    /** Route 53's error code for a change sent while the zone's previous change is still being processed. */
    public static final String PRIOR_REQUEST_NOT_COMPLETE = "PriorRequestNotComplete";

    public ApiCallStats {
        requestsByOperation = Map.copyOf(requestsByOperation);
        errorsByCode = Map.copyOf(errorsByCode);
    }

    /** Nothing sent yet. */
    public static ApiCallStats empty() {
        return new ApiCallStats(Map.of(), 0, Map.of());
    }

    /** HTTP requests sent for {@code operation}. */
    public long requests(String operation) {
        return requestsByOperation.getOrDefault(operation, 0L);
    }

    /** HTTP requests sent for all operations. */
    public long totalRequests() {
        return requestsByOperation.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Error responses carrying {@code code}. */
    public long errors(String code) {
        return errorsByCode.getOrDefault(code, 0L);
    }

    /** Throttling responses met. */
    public long throttles() {
        return errors(THROTTLING);
    }

    /** What happened between {@code earlier} and this snapshot. */
    public ApiCallStats since(ApiCallStats earlier) {
        return new ApiCallStats(difference(requestsByOperation, earlier.requestsByOperation),
                retries - earlier.retries, difference(errorsByCode, earlier.errorsByCode));
    }

    /** This and {@code other} added up. */
    public ApiCallStats plus(ApiCallStats other) {
        return new ApiCallStats(sum(requestsByOperation, other.requestsByOperation), retries + other.retries,
                sum(errorsByCode, other.errorsByCode));
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
        Map<String, Long> out = new TreeMap<>();
        now.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return "requests=" + new TreeMap<>(requestsByOperation) + " retries=" + retries + " errors=" + new TreeMap<>(errorsByCode);
    }
}
