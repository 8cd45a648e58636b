package io.zonebridge.app;

import io.zonebridge.app.config.ConfigException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

import io.zonebridge.intake.QueueMessageDeleter;
import io.zonebridge.route53.ApiCallCounter;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The queue beans an event job's route (template {@code sqs-event-job}) names, bound as {@code <job>SqsClient},
 * {@code <job>Queue} (the {@link QueueMessageDeleter}), {@code <job>WorkMerger} ({@link PendingWorkMerger}) and
 * {@code <job>ReceiptHandles} (collects the receipt handles of messages handled without work). The SQS client counts
 * its calls by operation ({@link #callsByOperation}); they are logged at INFO when Camel stops, and the deleter and
 * the client are closed then.
 */
public final class EventQueueBeans {

    private static final Logger LOG = LoggerFactory.getLogger(EventQueueBeans.class);

    private final String job;
    private final SqsClient sqs;
    private final ApiCallCounter calls;

    private EventQueueBeans(String job, SqsClient sqs, ApiCallCounter calls) {
        this.job = job;
        this.sqs = sqs;
        this.calls = calls;
    }

    /**
     * Builds the job's SQS client from {@code builder} (with the call counter), binds the beans and closes the
     * client when Camel stops.
     *
     * @param job     the job's bean prefix ({@code reverse}, {@code ec2})
     * @param queue           the events queue's name
     * @param deadLetterQueue the job's dead-letter queue's name
     * @param builder         the job's SQS client, configured but for the call counter
     * @throws ConfigException when a queue does not exist (the consumer would poll a queue that is not there for
     *                         ever, flooding the logs of SQS and of the service)
     */
    public static EventQueueBeans bind(CamelContext context, String job, String queue, String deadLetterQueue,
                                       SqsClientBuilder builder) throws Exception {
        ApiCallCounter calls = new ApiCallCounter();
        ClientOverrideConfiguration.Builder override = builder.overrideConfiguration().toBuilder();
        SqsClient sqs = builder.overrideConfiguration(override.addExecutionInterceptor(calls).build()).build();
        EventQueueBeans beans = new EventQueueBeans(job, sqs, calls);
        requireQueue(sqs, job + ".queue", queue);
        requireQueue(sqs, job + ".deadLetterQueue", deadLetterQueue);
        Registry registry = context.getRegistry();
        registry.bind(job + "SqsClient", sqs);
        QueueMessageDeleter deleter = new QueueMessageDeleter(sqs, queue);
        registry.bind(job + "Queue", deleter);
        registry.bind(job + "WorkMerger", new PendingWorkMerger());
        registry.bind(job + "ReceiptHandles", new GroupedBodyAggregationStrategy());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                deleter.close();
                LOG.info("{} events queue: SQS calls by operation {}", job, beans.callsByOperation());
                sqs.close();
            }
        }, true, true);
        return beans;
    }

    private static void requireQueue(SqsClient sqs, String key, String name) {
        List<String> urls;
        try {
            urls = sqs.listQueues(r -> r.queueNamePrefix(name)).queueUrls();
        } catch (SdkException e) {
            sqs.close();
            throw new IllegalStateException(key + " = " + name + ": cannot list the SQS queues at "
                    + where(sqs) + ": " + e.getMessage(), e);
        }
        if (urls.stream().noneMatch(url -> url.endsWith("/" + name))) {
            sqs.close();
            throw new ConfigException(key + " = " + name + ": no SQS queue of that name at " + where(sqs)
                    + " (create it first: deploy/, or `zonebridge provision` locally)");
        }
    }

    private static String where(SqsClient sqs) {
        return sqs.serviceClientConfiguration().endpointOverride().map(Object::toString)
                .orElse("SQS in " + sqs.serviceClientConfiguration().region());
    }

    /** The job's SQS client. */
    public SqsClient client() {
        return sqs;
    }

    /** SQS requests sent so far (retries included) by operation, e.g. {@code DeleteMessageBatch}. */
    public Map<String, Long> callsByOperation() {
        return new TreeMap<>(calls.snapshot().requestsByOperation());
    }

    @Override
    public String toString() {
        return job + " events queue";
    }
}
