package io.zonebridge.ownership;

import io.zonebridge.ec2.DynamoDbLocal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Clients of DynamoDB Local that count the operations they send, and can hold items back as DynamoDB does. */
final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /** A client of {@code dynamo} with these interceptors. */
    static DynamoDbClient client(DynamoDbLocal dynamo, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** Counts the operations sent, by name ({@code Query}, {@code BatchWriteItem}, ...). */
    static final class OperationCounter implements ExecutionInterceptor {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    k -> new AtomicInteger()).incrementAndGet();
        }

        int count(String operation) {
            AtomicInteger count = counts.get(operation);
            return count == null ? 0 : count.get();
        }

        void reset() {
            counts.clear();
        }
    }

    /**
     * Plays DynamoDB under throttling, which DynamoDB Local never does: of the next {@code calls} BatchWriteItem
     * requests, only the first half of the items is sent to DynamoDB Local, and the other half comes back as
     * {@code UnprocessedItems} (as DynamoDB returns them). Thread-safe: what a request held back travels with its
     * own execution, so calls in flight at the same time each get their own items back.
     */
    static final class HoldBackHalf implements ExecutionInterceptor {
        private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD_BACK =
                new ExecutionAttribute<>("zonebridgeHeldBack");
        private final AtomicInteger calls;

        HoldBackHalf(int calls) {
            this.calls = new AtomicInteger(calls);
        }

        void holdBackNext(int calls) {
            this.calls.set(calls);
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request) || request.requestItems().size() != 1
                    || calls.getAndUpdate(left -> left > 0 ? left - 1 : 0) == 0) {
                return context.request();
            }
            Map.Entry<String, List<WriteRequest>> entry = request.requestItems().entrySet().iterator().next();
            List<WriteRequest> items = entry.getValue();
            int sent = items.size() / 2;
            String table = entry.getKey();
            attributes.putAttribute(HELD_BACK, Map.of(table, List.copyOf(items.subList(sent, items.size()))));
            if (sent == 0) {
                // a request must carry an item: a delete of a key no test uses stands in for "none processed"
                return request.toBuilder().requestItems(Map.of(table, List.of(WriteRequest.builder().deleteRequest(
                        d -> d.key(Map.of("zone", AttributeValue.fromS("held-back."),
                                "ptr", AttributeValue.fromS("held-back.")))).build()))).build();
            }
            return request.toBuilder().requestItems(Map.of(table, List.copyOf(items.subList(0, sent)))).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Map<String, List<WriteRequest>> heldBack = attributes.getAttribute(HELD_BACK);
            if (heldBack == null || !(context.response() instanceof BatchWriteItemResponse response)) {
                return context.response();
            }
            return response.toBuilder().unprocessedItems(heldBack).build();
        }
    }

    /** The largest number of BatchWriteItem calls seen in flight at the same time. */
    static final class InFlight implements ExecutionInterceptor {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof BatchWriteItemRequest) {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
            }
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof BatchWriteItemRequest) {
                now.decrementAndGet();
            }
        }

        int most() {
            return most.get();
        }
    }
}
