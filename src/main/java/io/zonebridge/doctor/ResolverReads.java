package io.zonebridge.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.Filter;
import software.amazon.awssdk.services.route53resolver.model.IpAddressResponse;
import software.amazon.awssdk.services.route53resolver.model.ResolverEndpoint;
import software.amazon.awssdk.services.route53resolver.model.ResolverRule;
import software.amazon.awssdk.services.route53resolver.model.ResolverRuleAssociation;

/**
 * Every Route 53 Resolver read doctor makes: the rules of the account and region (shared ones included), the
 * rules associated with a VPC, the VPC's autodefined-reverse setting, and an outbound endpoint with its addresses.
 */
public final class ResolverReads {

    private final Route53ResolverClient resolver;

    /** Reads through {@code resolver} (the caller closes it). */
    public ResolverReads(Route53ResolverClient resolver) {
        this.resolver = resolver;
    }

    /** Every rule the account sees (ListResolverRules, all pages). */
    public List<ResolverRule> rules() {
        List<ResolverRule> rules = new ArrayList<>();
        resolver.listResolverRulesPaginator(r -> r.maxResults(100)).resolverRules().forEach(rules::add);
        return rules;
    }

    /** Ids of the rules whose association with the VPC is complete. */
    public Set<String> associatedRuleIds(String vpcId) {
        Set<String> ids = new TreeSet<>();
        for (ResolverRuleAssociation association : resolver.listResolverRuleAssociationsPaginator(r -> r
                .maxResults(100).filters(Filter.builder().name("VPCId").values(vpcId).build()))
                .resolverRuleAssociations()) {
            if ("COMPLETE".equals(association.statusAsString())) {
                ids.add(association.resolverRuleId());
            }
        }
        return ids;
    }

    /** The VPC's autodefined-reverse status: ENABLED, ENABLING, DISABLED, DISABLING, ... (GetResolverConfig). */
    public String autodefinedReverse(String vpcId) {
        return resolver.getResolverConfig(r -> r.resourceId(vpcId)).resolverConfig().autodefinedReverseAsString();
    }

    /** The endpoint (GetResolverEndpoint). */
    public ResolverEndpoint endpoint(String endpointId) {
        return resolver.getResolverEndpoint(r -> r.resolverEndpointId(endpointId)).resolverEndpoint();
    }

    /** The endpoint's addresses with their subnets (ListResolverEndpointIpAddresses, all pages). */
    public List<IpAddressResponse> endpointAddresses(String endpointId) {
        List<IpAddressResponse> addresses = new ArrayList<>();
        resolver.listResolverEndpointIpAddressesPaginator(r -> r.resolverEndpointId(endpointId).maxResults(100))
                .ipAddresses().forEach(addresses::add);
        return addresses;
    }
}
