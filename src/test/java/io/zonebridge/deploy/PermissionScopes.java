package io.zonebridge.deploy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which IAM actions belong to which principal, derived from the calls the product makes.
 *
 * <ul>
 *   <li><b>Provisioning</b>: calls made from classes only the {@code zonebridge provision} command runs: the
 *       roots {@link #PROVISIONING_CALLERS} and the classes only they use ({@link ProvisioningClasses}). The
 *       command runs once, by an operator with their own credentials; its calls are not granted to the task
 *       role.</li>
 *   <li><b>Network account (task role)</b>: every other call, from {@code io.zonebridge.*} runtime packages
 *       (app, cli run, route53, reverse, organization, ec2, secondary, zonefile, ...) and from the routes, plus the
 *       actions AWS requires alongside them ({@link #DEPENDENT_ACTIONS}).</li>
 *   <li><b>Member accounts (cross-account read role)</b>: zonebridge reads member accounts with assumed-role
 *       credentials (organisation reconcile, EC2 instances of member accounts) and never writes there. The member
 *       role therefore gets the runtime actions of {@link #MEMBER_SERVICES} that read ({@code Get*},
 *       {@code List*}, {@code Describe*}), except {@link #NETWORK_ONLY_READS}, plus their dependent actions.</li>
 * </ul>
 */
public final class PermissionScopes {

    /**
     * The provisioning entry points: classes, or packages by prefix ending in a dot. {@code zonebridge doctor} is
     * another operator-only command (run with the operator's read permissions), so its reads stay out of the task
     * role too.
     */
    public static final List<String> PROVISIONING_CALLERS = List.of(
            "io.zonebridge.provision.",
            "io.zonebridge.cli.ProvisionCommand",
            "io.zonebridge.doctor.",
            "io.zonebridge.cli.DoctorCommand");

    /** Services zonebridge reads in member accounts with assumed-role credentials. */
    public static final Set<String> MEMBER_SERVICES = Set.of("route53", "ec2");

    /** Reads made only in the network account: GetChange follows a change, and changes happen only there. */
    public static final Set<IamAction> NETWORK_ONLY_READS = Set.of(new IamAction("route53", "GetChange"));

    /**
     * Actions IAM requires in addition to an operation's own (Route 53 checks the VPC it is given with
     * {@code ec2:DescribeVpcs}; see the Route 53 actions table of the IAM Service Authorization Reference).
     */
    public static final Map<IamAction, IamAction> DEPENDENT_ACTIONS = Map.of(
            new IamAction("route53", "ListHostedZonesByVPC"), new IamAction("ec2", "DescribeVpcs"),
            new IamAction("route53", "CreateHostedZone"), new IamAction("ec2", "DescribeVpcs"),
            new IamAction("route53", "AssociateVPCWithHostedZone"), new IamAction("ec2", "DescribeVpcs"));

    private final Collection<ApiCall> calls;
    private final Set<String> provisioningClasses;

    /**
     * Scopes for the given calls.
     *
     * @param calls               every call, each with its calling class (or route file)
     * @param provisioningClasses top-level names of the classes only the provision command runs
     */
    public PermissionScopes(Collection<ApiCall> calls, Set<String> provisioningClasses) {
        this.calls = List.copyOf(calls);
        this.provisioningClasses = Set.copyOf(provisioningClasses);
    }

    /** Whether a caller runs only in the provisioning command. */
    public boolean isProvisioning(String caller) {
        return provisioningClasses.contains(ProvisioningClasses.topLevel(caller));
    }

    /** The actions the task role in the network account needs. */
    public Set<IamAction> networkAccount() {
        Set<IamAction> actions = new TreeSet<>();
        calls.stream().filter(c -> !isProvisioning(c.caller())).forEach(c -> actions.add(c.action()));
        return withDependents(actions);
    }

    /** The actions the cross-account read role in member accounts needs. */
    public Set<IamAction> memberAccounts() {
        Set<IamAction> actions = new TreeSet<>();
        for (IamAction action : networkAccount()) {
            if (MEMBER_SERVICES.contains(action.service()) && isRead(action) && !NETWORK_ONLY_READS.contains(action)) {
                actions.add(action);
            }
        }
        return withDependents(actions);
    }

    /** The actions only {@code zonebridge provision} needs (the operator's own credentials). */
    public Set<IamAction> provisioningOnly() {
        Set<IamAction> actions = new TreeSet<>();
        calls.stream().filter(c -> isProvisioning(c.caller())).forEach(c -> actions.add(c.action()));
        actions.removeAll(networkAccount());
        return actions;
    }

    /** The callers of an action, for failure messages. */
    public Set<String> callersOf(IamAction action) {
        Set<String> callers = new TreeSet<>();
        calls.stream().filter(c -> c.action().equals(action)).forEach(c -> callers.add(c.caller()));
        return callers;
    }

    private static boolean isRead(IamAction action) {
        String op = action.operation();
        return op.startsWith("Get") || op.startsWith("List") || op.startsWith("Describe");
    }

    private static Set<IamAction> withDependents(Set<IamAction> actions) {
        Set<IamAction> all = new TreeSet<>(actions);
        actions.forEach(a -> {
            IamAction dependent = DEPENDENT_ACTIONS.get(a);
            if (dependent != null) {
                all.add(dependent);
            }
        });
        return all;
    }
}
