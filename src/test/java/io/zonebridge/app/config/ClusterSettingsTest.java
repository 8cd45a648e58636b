package io.zonebridge.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code cluster:} of zonebridge.yaml: off by default, validated, every error naming the key. */
class ClusterSettingsTest {

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void offWithoutTheKey() {
        ClusterSettings cluster = loader.parse("zb.yaml", "").cluster();
        assertFalse(cluster.enabled());
        assertEquals(ClusterSettings.DEFAULT_TABLE, cluster.table());
        assertEquals(ClusterSettings.DEFAULT_LEASE, cluster.lease());
    }

    @Test
    void everyKeyIsRead() {
        ClusterSettings cluster = loader.parse("zb.yaml", """
                route53: { endpoint: "http://127.0.0.1:4566" }
                cluster:
                  enabled: true
                  table: zb-cluster
                  dynamoDbEndpoint: http://127.0.0.1:8000
                  queue: zb-work
                  sqsEndpoint: http://127.0.0.1:9324
                  lease: 15s
                  heartbeat: 3s
                  replicaId: task-1
                """).cluster();
        assertTrue(cluster.enabled());
        assertEquals("zb-cluster", cluster.table());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), cluster.dynamoDbEndpoint());
        assertEquals("zb-work", cluster.queue());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9324")), cluster.sqsEndpoint());
        assertEquals(Duration.ofSeconds(15), cluster.lease());
        assertEquals(Duration.ofSeconds(3), cluster.heartbeat());
        assertEquals("task-1", cluster.replicaId());
    }

    @Test
    void badValuesNameTheirKey() {
        assertError("cluster.heartbeat", "cluster: { heartbeat: 5s }");
        assertError("cluster.lease", "cluster: { lease: 1s }");
        assertError("cluster.queue", "cluster: { queue: 'no spaces' }");
        assertError("cluster.replicaId", "cluster: { replicaId: 'a/b' }");
        assertError("cluster.leader", "cluster: { leader: true }");
        assertError("cluster.enabled", "route53: { endpoint: embedded }\ncluster: { enabled: true }");
    }

    private void assertError(String key, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("zb.yaml", yaml));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
