package io.zonebridge.app.cluster;

import io.zonebridge.sync.ViewGeneration;
import java.util.Objects;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;

/**
 * What a replica does each time it becomes the leader: stops trusting its views of Route 53 (another leader may have
 * written every zone meanwhile: {@link ViewGeneration#advance()}), then has every zone checked at once.
 */
final class LeadershipTakeover implements CamelClusterEventListener.Leadership {

    private final ViewGeneration views;
    private final Runnable checkEveryZone;

    LeadershipTakeover(ViewGeneration views, Runnable checkEveryZone) {
        this.views = Objects.requireNonNull(views, "views");
        this.checkEveryZone = Objects.requireNonNull(checkEveryZone, "checkEveryZone");
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        if (leader != null && leader.isLocal()) {
            views.advance();
            checkEveryZone.run();
        }
    }
}
