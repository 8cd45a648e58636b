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
     * {@code UnprocessedItems} (as DynamoDB returns them). Not thread-safe: one client, one caller.
     */
    static final class HoldBackHalf implements ExecutionInterceptor {
        private int calls;
        private List<WriteRequest> heldBack;
        private String table;

        HoldBackHalf(int calls) {
            this.calls = calls;
        }

        void holdBackNext(int calls) {
            this.calls = calls;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (calls == 0 || !(context.request() instanceof BatchWriteItemRequest request)
                    || request.requestItems().size() != 1) {
                return context.request();
            }
            calls--;
            Map.Entry<String, List<WriteRequest>> entry = request.requestItems().entrySet().iterator().next();
            List<WriteRequest> items = entry.getValue();
            int sent = items.size() / 2;
            table = entry.getKey();
            heldBack = List.copyOf(items.subList(sent, items.size()));
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
            if (heldBack == null || !(context.response() instanceof BatchWriteItemResponse response)) {
                return context.response();
            }
            List<WriteRequest> unprocessed = heldBack;
            heldBack = null;
            return response.toBuilder().unprocessedItems(Map.of(table, unprocessed)).build();
        }
    }
}
