package io.zonebridge.provision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * What a member account needs so its Route 53 changes reach zonebridge: in us-east-1, a rule matching its Route 53
 * CloudTrail {@code ChangeResourceRecordSets} calls ({@link EventPatterns#ROUTE53_CHANGES}) whose target is the
 * network account's default bus, created idempotently. The network bus must let the member put events (the bus
 * policy of {@link NetworkAccountPlumbing}); AWS wants a role the rule assumes to put events on another
 * account's bus when that bus grants by organisation.
 */
public final class MemberAccountForwarding {

    private final RuleProvisioner rules;

    /** @param events EventBridge of the member account, in us-east-1 */
    public MemberAccountForwarding(EventBridgeClient events) {
        this.rules = new RuleProvisioner(events);
    }

    /**
     * What to create.
     *
     * @param rule           the forwarding rule's name
     * @param networkAccount the account of the zonebridge queue
     * @param networkRegion  the region of the network account's bus (where its rule and queue are)
     * @param roleArn        the role EventBridge assumes to put events on the network bus, if any
     */
    public record Setup(String rule, String networkAccount, String networkRegion, Optional<String> roleArn) {
        public Setup {
            Objects.requireNonNull(rule, "rule");
            if (networkAccount == null || !networkAccount.matches("\\d{12}")) {
                throw new IllegalArgumentException("the network account must be a 12-digit account id: " + networkAccount);
            }
            Objects.requireNonNull(networkRegion, "networkRegion");
        }

        /** The network account's default bus. */
        public String networkBusArn() {
            return "arn:aws:events:" + networkRegion + ":" + networkAccount + ":event-bus/default";
        }
    }

    /** Creates what is missing, corrects what differs; returns what happened to each resource, in order. */
    public List<ProvisionedResource> provision(Setup setup) {
        RuleProvisioner.Rule rule = rules.ensurePatternRule(setup.rule(), EventPatterns.ROUTE53_CHANGES,
                "Route 53 ChangeResourceRecordSets calls (CloudTrail) to the zonebridge network account");
        return List.of(rule.resource(),
                rules.ensureTarget(rule, "zonebridge-network-bus", setup.networkBusArn(), setup.roleArn().orElse(null)));
    }
}
