package io.zonebridge.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Deletes handled messages (work applied, ignored, dead-lettered) from one SQS queue, up to
 * {@value #BATCH} per {@code DeleteMessageBatch} call. An entry SQS fails on its side ({@code SenderFault} false) is
 * tried once more; one that still fails, or that SQS refuses (a receipt handle no longer valid), and every entry of
 * a call that failed as a whole (after the SDK's own retries) is counted by code and logged at WARN with SQS's code
 * and message (one line per call). Nothing is lost that way: such a message stays on the queue, SQS
 * shows it again after the visibility timeout, handling it again is safe, and the queue's redrive policy bounds how
 * often that happens. Never throws for a failed delete. The calls for the messages of one apply run go out
 * {@value #PARALLEL_CALLS} at a time (on daemon threads that end when idle), so a run of thousands of messages is
 * not a sequence of thousands of round trips. Thread-safe; {@link #close()} ends the threads.
 */
public final class QueueMessageDeleter implements AutoCloseable {

    /** Most entries SQS takes in one DeleteMessageBatch call. */
    public static final int BATCH = 10;
    /** DeleteMessageBatch calls in flight at most for one {@link #delete(List)}. */
    public static final int PARALLEL_CALLS = 4;

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final String queue;
    private final Logger log;
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ThreadPoolExecutor calls;

    /**
     * @param sqs   the client
     * @param queue the queue's name (its URL is looked up once, on the first delete, with ListQueues as the
     *              route's consumer does)
     * @param log   where failed deletes are logged
     */
    public QueueMessageDeleter(SqsClient sqs, String queue, Logger log) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.queueUrl = memoize(() -> urlOf(sqs, queue));
        this.log = Objects.requireNonNull(log, "log");
        AtomicInteger threads = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(PARALLEL_CALLS, PARALLEL_CALLS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "sqs-delete-" + queue + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.calls.allowCoreThreadTimeOut(true);
    }

    /** As above, logging to this class's logger. */
    public QueueMessageDeleter(SqsClient sqs, String queue) {
        this(sqs, queue, LoggerFactory.getLogger(QueueMessageDeleter.class));
    }

    /** Deletes one message (in a batch of one). */
    public void deleteMessage(String receiptHandle) {
        delete(receiptHandle == null ? List.of() : List.of(receiptHandle));
    }

    /** Deletes the messages, {@value #BATCH} per call ({@code null} handles are skipped). */
    public void delete(List<String> receiptHandles) {
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>(BATCH);
        for (String handle : receiptHandles) {
            if (handle == null) {
                continue;
            }
            batch.add(handle);
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        if (batches.size() == 1) {
            deleteBatch(batches.get(0), true);
            return;
        }
        List<Future<?>> inFlight = new ArrayList<>(batches.size());
        for (List<String> handles : batches) {
            try {
                inFlight.add(calls.submit(() -> deleteBatch(handles, true)));
            } catch (RejectedExecutionException e) {
                deleteBatch(handles, true); // closed: in this thread
            }
        }
        for (Future<?> call : inFlight) {
            try {
                call.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the calls in flight finish on their own
            } catch (ExecutionException e) {
                log.warn("queue {}: a DeleteMessageBatch call failed unexpectedly: {}", queue, e.getCause().toString());
            }
        }
    }

    /** Ends the delete threads (calls in flight finish). */
    @Override
    public void close() {
        calls.shutdown();
    }

    /** Messages deleted so far. */
    public long deleted() {
        return deleted.sum();
    }

    /** Messages whose delete failed so far (they come back after the visibility timeout). */
    public long failed() {
        return failed.sum();
    }

    /** Failed deletes so far by SQS error code. */
    public Map<String, Long> failedByCode() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }

    private void deleteBatch(List<String> handles, boolean retryServerFaults) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(handles.size());
        for (int i = 0; i < handles.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(handles.get(i)).build());
        }
        DeleteMessageBatchResponse response;
        try {
            response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl.get()).entries(entries));
        } catch (SdkException e) {
            count("CallFailed", handles.size());
            warn(handles.size() + " message(s): DeleteMessageBatch failed: " + e.getMessage());
            return;
        }
        deleted.add(response.successful().size());
        List<String> retry = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (BatchResultErrorEntry error : response.failed()) {
            String handle = handleOf(error.id(), handles);
            if (retryServerFaults && !Boolean.TRUE.equals(error.senderFault()) && handle != null) {
                retry.add(handle);
            } else {
                count(error.code() == null ? "Unknown" : error.code(), 1);
                refused.add(error.code() + ": " + error.message());
            }
        }
        if (!refused.isEmpty()) {
            warn(refused.size() + " message(s) not deleted: " + String.join("; ", refused));
        }
        if (!retry.isEmpty()) {
            deleteBatch(retry, false);
        }
    }

    private void count(String code, int messages) {
        failed.add(messages);
        failures.computeIfAbsent(code, c -> new LongAdder()).add(messages);
    }

    private void warn(String what) {
        log.warn("queue {}: {}; they stay queued and come back after the visibility timeout (handling them again is "
                + "safe; the queue's redrive policy bounds the redeliveries)", queue, what);
    }

    private static String urlOf(SqsClient sqs, String queue) {
        return sqs.listQueues(r -> r.queueNamePrefix(queue)).queueUrls().stream()
                .filter(url -> url.endsWith("/" + queue)).findFirst()
                .orElseThrow(() -> SdkClientException.create("queue " + queue + " not found by ListQueues"));
    }

    private static String handleOf(String id, List<String> handles) {
        try {
            int index = Integer.parseInt(id);
            return index >= 0 && index < handles.size() ? handles.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
