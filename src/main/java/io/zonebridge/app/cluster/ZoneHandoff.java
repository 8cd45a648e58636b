package io.zonebridge.app.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonebridge.app.ZoneWork;
import java.util.function.BooleanSupplier;

/**
 * Where zone work received by this replica (from a NOTIFY) is applied: here when this replica is the leader, or
 * when clustering is off; otherwise it travels to the leader as an SQS message ({@code routes/cluster.camel.yaml}).
 * Bean {@code zoneHandoff}.
 */
public final class ZoneHandoff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BooleanSupplier leader;

    /** @param leader whether this replica applies zone work now */
    public ZoneHandoff(BooleanSupplier leader) {
        this.leader = leader;
    }

    /** Clustering off: every piece of work is applied here. */
    public static ZoneHandoff single() {
        return new ZoneHandoff(() -> true);
    }

    /** Whether work is applied by this replica now. */
    public boolean isHere() {
        return leader.getAsBoolean();
    }

    /** The message that carries {@code work} to the leader. */
    public String toMessage(ZoneWork work) {
        try {
            return JSON.writeValueAsString(work);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("zone work for " + work.zoneName() + " cannot be written as JSON", e);
        }
    }

    /** The work a hand-off message carries; an error saying what is wrong when it is not one. */
    public ZoneWork fromMessage(String body) {
        try {
            ZoneWork work = JSON.readValue(body, ZoneWork.class);
            if (work == null || work.zoneKey() == null || work.zoneName() == null) {
                throw new IllegalArgumentException("zone hand-off message without zoneKey or zoneName: " + abbreviate(body));
            }
            return work;
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("not a zone hand-off message (" + e.getClass().getSimpleName() + "): "
                    + abbreviate(body), e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "(no body)" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
