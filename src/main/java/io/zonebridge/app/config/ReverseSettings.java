package io.zonebridge.app.config;

import io.zonebridge.organization.AccountSelection;
import io.zonebridge.organization.AssumeRoleSettings;
import io.zonebridge.reverse.AutodefinedReverseMode;
import io.zonebridge.reverse.OwnChangeRules;
import io.zonebridge.reverse.VpcRef;
import io.zonebridge.reverse.PtrConflictRule;
import io.zonebridge.reverse.PtrOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reverse-DNS job ({@code reverse:} in the configuration): where its CloudTrail events arrive, which account
 * holds the reverse zones, and how PTRs are written. Off unless {@code enabled: true}.
 *
 * @param enabled            whether the {@code reverse-ingest} route runs
 * @param sqsEndpoint        SQS endpoint override (ElasticMQ locally), empty for AWS itself
 * @param queue              name of the queue EventBridge delivers the events to
 * @param deadLetterQueue    name of the queue malformed messages go to, with the reason
 * @param networkAccount     account holding the reverse zones; empty: the account of zonebridge's own credentials
 *                           (STS GetCallerIdentity at start)
 * @param prefixes           configured prefixes: CIDR → reverse zone name (zones whose name spells no prefix)
 * @param ledger             the old ledger file (ownership before it moved to DynamoDB): migrated into
 *                           {@code ownership} at start when it exists, then renamed
 * @param ownership          the DynamoDB table recording the PTRs zonebridge created
 * @param policy             which existing PTRs may be changed or deleted
 * @param conflictRule       which name an address claimed by several names points to
 * @param ptrTtl             TTL of written PTRs
 * @param ownChanges         how zonebridge's own changes are recognised (not reacted to)
 * @param memberRole         the role assumed in other accounts (reading their forward zones)
 * @param createZones        reverse zones to create when missing (before each organisation reconcile)
 * @param reconcile          the organisation reconcile (with {@code autodefinedReverse}: off, all, or the listed
 *                           VPCs get the Resolver's autodefined reverse rules turned off after each run)
 */
public record ReverseSettings(boolean enabled, Optional<URI> sqsEndpoint, String queue, String deadLetterQueue,
                              Optional<String> networkAccount, Map<String, String> prefixes, Path ledger,
                              Ownership ownership, PtrPolicy policy, PtrConflictRule conflictRule, long ptrTtl, OwnChangeRules ownChanges,
                              AssumeRoleSettings memberRole, Reconcile reconcile, CreateZones createZones) {

    /** Which existing PTRs zonebridge may change or delete. */
    public enum PtrPolicy {
        /** Only PTRs the ledger says zonebridge created (the default). */
        OWNED_ONLY,
        /** Every PTR of the reverse zones (zonebridge is their only writer). */
        SYNC
    }

    /**
     * The organisation reconcile ({@code reverse.reconcile}): the accounts whose private zones it reads, and the
     * period of its timer ({@code every}; none: only EventBridge {@code Scheduled Event} messages trigger it).
     *
     * @param every        timer period, empty for no timer
     * @param organization whether the accounts come from Organizations ListAccounts (else only {@code include})
     * @param accounts     accounts included (empty: every active one) and excluded
     * @param parallelism  accounts read at the same time
     */
    public record Reconcile(Optional<Duration> every, boolean organization, AccountSelection accounts,
                            int parallelism, AutodefinedReverseMode autodefinedReverse, List<VpcRef> autodefinedVpcs) {
        public Reconcile {
            autodefinedVpcs = List.copyOf(autodefinedVpcs);
        }
    }

    /**
     * Reverse zones zonebridge creates in the network account when they are missing, as private zones associated
     * with {@code vpcs}: the listed ones and those of {@code prefixes}. Off when {@code vpcs} is empty.
     */
    public record CreateZones(List<String> zones, List<VpcRef> vpcs) {
        public CreateZones {
            zones = List.copyOf(zones);
            vpcs = List.copyOf(vpcs);
        }
    }

    /**
     * Where the PTRs zonebridge owns are kept ({@code reverse.ownership}): a DynamoDB table in the region of
     * {@code route53.region}, created when missing.
     *
     * @param table    the table's name
     * @param endpoint DynamoDB endpoint override (DynamoDB Local), empty for AWS itself
     */
    public record Ownership(String table, Optional<URI> endpoint) {
        /** The table's default name. */
        public static final String DEFAULT_TABLE = "zonebridge-ptr-ownership";
    }

    public ReverseSettings {
        prefixes = Map.copyOf(prefixes);
    }

    /** The job switched off, with defaults elsewhere. */
    public static ReverseSettings disabled() {
        return from(new ConfigNode("(defaults)", "reverse", null));
    }

    static ReverseSettings from(ConfigNode node) {
        node.allowOnly(ConfigNode.keys(QueueRouteSettings.KEYS, "enabled", "sqsEndpoint", "queue", "deadLetterQueue",
                "networkAccount", "prefixes", "ledger", "ownership", "policy", "conflictRule", "ptrTtl", "ownChanges",
                "memberRole", "reconcile", "createZones"));
        ConfigNode account = node.get("networkAccount");
        Optional<String> networkAccount = account.optionalText();
        if (networkAccount.isPresent() && !networkAccount.get().matches("\\d{12}")) {
            throw account.error("must be a 12-digit AWS account id, not '" + networkAccount.get() + "'");
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> entry : node.get("prefixes").entries()) {
            prefixes.put(entry.getKey(), entry.getValue().text());
        }
        String queue = node.get("queue").sqsQueueName("zonebridge-reverse");
        String deadLetter = node.get("deadLetterQueue").sqsQueueName(queue + "-dlq");
        if (deadLetter.equals(queue)) {
            throw node.get("deadLetterQueue").error("must differ from reverse.queue ('" + queue + "')");
        }
        ConfigNode own = node.get("ownChanges").allowOnly("principalArns", "sessionNames", "commentMarker");
        OwnChangeRules ownChanges = new OwnChangeRules(texts(own.get("principalArns")),
                new LinkedHashSet<>(texts(own.get("sessionNames"))), own.get("commentMarker").text("zonebridge:"));
        return new ReverseSettings(node.get("enabled").bool(false), node.get("sqsEndpoint").url("http://127.0.0.1:9324"),
                queue, deadLetter,
                networkAccount, prefixes, Path.of(node.get("ledger").text("zonebridge-owned-ptrs.json")),
                ownership(node.get("ownership")),
                choice(node.get("policy"), PtrPolicy.OWNED_ONLY, PtrPolicy.values()),
                choice(node.get("conflictRule"), PtrConflictRule.SHORTEST_THEN_LEXICOGRAPHIC, PtrConflictRule.values()),
                node.get("ptrTtl").longValue(PtrOptions.DEFAULT_TTL, 0, 2_147_483_647L), ownChanges,
                memberRole(node.get("memberRole")), reconcile(node.get("reconcile")),
                createZones(node.get("createZones"), prefixes.values()));
    }

    private static Ownership ownership(ConfigNode node) {
        node.allowOnly("table", "endpoint");
        return new Ownership(node.get("table").dynamoDbTableName(Ownership.DEFAULT_TABLE),
                node.get("endpoint").url("http://127.0.0.1:8000"));
    }

    private static CreateZones createZones(ConfigNode node, Collection<String> prefixZones) {
        node.allowOnly("zones", "vpcs");
        List<String> zones = new ArrayList<>(prefixZones);
        for (ConfigNode zone : node.get("zones").list()) {
            String name = zone.text().toLowerCase(Locale.ROOT);
            if (!name.matches("([0-9a-f/-]+\\.)+(in-addr|ip6)\\.arpa\\.?")) {
                throw zone.error("must be a reverse zone name such as 3.0.10.in-addr.arpa, not '" + zone.text() + "'");
            }
            zones.add(name);
        }
        List<VpcRef> vpcs = vpcRefs(node.get("vpcs"));
        if (node.isPresent() && vpcs.isEmpty()) {
            throw node.get("vpcs").error("is required: the VPCs (VPC_ID@REGION) a created private zone is associated with");
        }
        return new CreateZones(vpcs.isEmpty() ? List.of() : zones, vpcs);
    }

    private static List<VpcRef> vpcRefs(ConfigNode node) {
        List<VpcRef> vpcs = new ArrayList<>();
        for (ConfigNode vpc : node.list()) {
            String[] idAndRegion = vpc.text().split("@", -1);
            if (idAndRegion.length != 2 || !idAndRegion[0].matches("vpc-[0-9a-f]{8,17}")
                    || !idAndRegion[1].matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw vpc.error("must be VPC_ID@REGION such as vpc-0abc12345@eu-west-1, not '" + vpc.text() + "'");
            }
            vpcs.add(new VpcRef(idAndRegion[0], idAndRegion[1]));
        }
        return vpcs;
    }

    private static AssumeRoleSettings memberRole(ConfigNode node) {
        node.allowOnly("name", "externalId", "sessionDuration");
        ConfigNode name = node.get("name");
        try {
            return new AssumeRoleSettings(name.text(AssumeRoleSettings.DEFAULT_ROLE_NAME),
                    node.get("externalId").optionalText().orElse(null), "aws",
                    node.get("sessionDuration").duration().orElse(null));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Reconcile reconcile(ConfigNode node) {
        node.allowOnly("every", "firstDelay", "organization", "include", "exclude", "parallelism",
                "autodefinedReverse");
        Optional<Duration> every = node.get("every").duration();
        if (every.isPresent() && every.get().compareTo(Duration.ofSeconds(1)) < 0) {
            throw node.get("every").error("must be at least 1s, not " + every.get());
        }
        AccountSelection accounts;
        try {
            accounts = new AccountSelection(new LinkedHashSet<>(texts(node.get("include"))),
                    new LinkedHashSet<>(texts(node.get("exclude"))));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        ConfigNode autodefined = node.get("autodefinedReverse");
        List<VpcRef> listed = List.of();
        AutodefinedReverseMode mode;
        if (autodefined.isList()) {
            mode = AutodefinedReverseMode.LISTED;
            listed = vpcRefs(autodefined);
            if (listed.isEmpty()) {
                throw autodefined.error("lists no VPC (use off to leave every VPC as it is)");
            }
        } else {
            String label = autodefined.text("off");
            if (label.equals("listed")) {
                throw autodefined.error("lists the VPCs itself (a list of VPC_ID@REGION), or is off or all");
            }
            try {
                mode = AutodefinedReverseMode.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw autodefined.error("must be off, all or a list of VPC_ID@REGION, not '" + label + "'");
            }
        }
        return new Reconcile(every, node.get("organization").bool(true), accounts,
                (int) node.get("parallelism").longValue(8, 1, 64), mode, listed);
    }


    private static List<String> texts(ConfigNode node) {
        return node.list().stream().map(ConfigNode::text).toList();
    }

    /** An enum constant written in kebab case ({@code owned-only}), or the default when absent. */
    private static <E extends Enum<E>> E choice(ConfigNode node, E defaultValue, E[] values) {
        Optional<String> text = node.optionalText();
        if (text.isEmpty()) {
            return defaultValue;
        }
        List<String> names = new java.util.ArrayList<>();
        for (E value : values) {
            String name = value.name().toLowerCase(Locale.ROOT).replace('_', '-');
            names.add(name);
            if (name.equals(text.get().toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw node.error("must be one of " + String.join(", ", names) + ", not '" + text.get() + "'");
    }
}
