package io.zonebridge.testpeers;

import io.zonebridge.ec2.DynamoDbLocal;

/**
 * DynamoDB Local ({@link DynamoDbLocal}, in memory) for one test class: its tables start empty for each class and
 * outlive the class's own service restarts, as a table in AWS does.
 */
public final class DynamoDbLocalExtension extends PeerExtension<DynamoDbLocal> {

    public DynamoDbLocalExtension() {
        super(DynamoDbLocal.class, Scope.CLASS);
    }

    @Override
    protected DynamoDbLocal start() throws Exception {
        return DynamoDbLocal.start();
    }

    @Override
    protected void stop(DynamoDbLocal peer) throws Exception {
        peer.close();
    }
}
