package io.zonebridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over every record set of a hosted zone (in key order, each written exactly by {@link RecordSetJson}):
 * equal fingerprints mean Route 53 held the very same record sets, including those no plan touches.
 */
final class ZoneFingerprint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZoneFingerprint() {
    }

    /** {@code sha256:} and 64 hex digits. */
    static String of(ZoneSnapshot zone) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zone.recordSets().keySet().stream().sorted().forEach(key -> {
                RecordSet set = zone.recordSets().get(key);
                ObjectNode node = JSON.createObjectNode();
                RecordSetJson.write(node, set);
                digest.update(node.toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
