package io.zonebridge.local;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/** Parses a ChangeResourceRecordSetsRequest body, failing as Route 53's XSD validation does. */
public final class ChangeBatchParser {
    static final List<String> ACTIONS = List.of("CREATE", "DELETE", "UPSERT");
    static final List<String> TYPES = List.of("SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV",
            "SPF", "AAAA", "CAA", "DS", "TLSA", "SSHFP", "SVCB", "HTTPS");
    private static final List<String> FAILOVER = List.of("PRIMARY", "SECONDARY");

    /**
     * A parsed batch.
     *
     * @param comment batch comment or null
     * @param changes changes in request order
     */
    public record Batch(String comment, List<RequestedChange> changes) {
    }

    private ChangeBatchParser() {
    }

    /** Parses the request body. */
    public static Batch parse(byte[] body) {
        Element root = RequestXml.parse(body, "ChangeResourceRecordSetsRequest");
        Element batch = RequestXml.required(root, "ChangeBatch");
        Element changesElement = RequestXml.required(batch, "Changes");
        List<Element> changeElements = RequestXml.children(changesElement, "Change");
        if (changeElements.isEmpty()) {
            throw RequestXml.incomplete(changesElement, "Change");
        }
        List<RequestedChange> changes = new ArrayList<>();
        for (Element change : changeElements) {
            String action = RequestXml.requiredText(change, "Action").trim();
            if (!ACTIONS.contains(action)) {
                throw RequestXml.notInEnumeration(action, ACTIONS);
            }
            changes.add(new RequestedChange(action, parseSet(RequestXml.required(change, "ResourceRecordSet"))));
        }
        return new Batch(RequestXml.text(batch, "Comment"), changes);
    }

    private static RecordSetData parseSet(Element set) {
        String name = RequestXml.requiredText(set, "Name");
        String type = RequestXml.requiredText(set, "Type").trim();
        if (!TYPES.contains(type)) {
            throw RequestXml.notInEnumeration(type, TYPES);
        }
        String failover = RequestXml.text(set, "Failover");
        if (failover != null && !FAILOVER.contains(failover)) {
            throw RequestXml.notInEnumeration(failover, FAILOVER);
        }
        String multiValue = RequestXml.text(set, "MultiValueAnswer");
        return new RecordSetData(name, type, RequestXml.text(set, "SetIdentifier"),
                RequestXml.boundedLong(RequestXml.text(set, "Weight"), "Weight", 0, 255),
                RequestXml.text(set, "Region"), geoLocation(set), failover,
                multiValue == null ? null : Boolean.valueOf(multiValue.trim()),
                RequestXml.boundedLong(RequestXml.text(set, "TTL"), "TTL", 0, 2147483647L),
                values(set), alias(set), RequestXml.text(set, "HealthCheckId"),
                RequestXml.text(set, "TrafficPolicyInstanceId"), cidr(set));
    }

    private static List<String> values(Element set) {
        Element records = RequestXml.child(set, "ResourceRecords");
        if (records == null) {
            return null;
        }
        List<Element> recordElements = RequestXml.children(records, "ResourceRecord");
        if (recordElements.isEmpty()) {
            throw RequestXml.incomplete(records, "ResourceRecord");
        }
        List<String> values = new ArrayList<>();
        for (Element record : recordElements) {
            String value = RequestXml.requiredText(record, "Value");
            if (value.length() > 4000) {
                throw ServiceException.invalidInput("Invalid XML ; cvc-maxLength-valid: Value with length = '"
                        + value.length() + "' is not facet-valid with respect to maxLength '4000' for type 'RData'.");
            }
            values.add(value);
        }
        return values;
    }

    private static RecordSetData.Alias alias(Element set) {
        Element alias = RequestXml.child(set, "AliasTarget");
        if (alias == null) {
            return null;
        }
        String zoneId = RequestXml.requiredText(alias, "HostedZoneId");
        String dnsName = RequestXml.requiredText(alias, "DNSName");
        String evaluate = RequestXml.requiredText(alias, "EvaluateTargetHealth");
        return new RecordSetData.Alias(zoneId, dnsName, Boolean.parseBoolean(evaluate.trim()));
    }

    private static RecordSetData.GeoLocation geoLocation(Element set) {
        Element geo = RequestXml.child(set, "GeoLocation");
        return geo == null ? null : new RecordSetData.GeoLocation(RequestXml.text(geo, "ContinentCode"),
                RequestXml.text(geo, "CountryCode"), RequestXml.text(geo, "SubdivisionCode"));
    }

    private static RecordSetData.CidrRouting cidr(Element set) {
        Element cidr = RequestXml.child(set, "CidrRoutingConfig");
        return cidr == null ? null : new RecordSetData.CidrRouting(RequestXml.requiredText(cidr, "CollectionId"),
                RequestXml.requiredText(cidr, "LocationName"));
    }
}
