package io.zonebridge.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Type;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The answer the winning source should give: from a private hosted zone's record sets (values, NXDOMAIN when the
 * name has no records, NODATA when it has only other types), or, for sources zonebridge cannot read (forwarding
 * targets, public DNS, Resolver's own autodefined names), what to expect in words.
 *
 * @param source the kind of source it comes from
 * @param basis  where the expectation comes from
 * @param rcode  NOERROR or NXDOMAIN when known, null when not
 * @param values expected values of the query type, sorted, lower case (empty for NXDOMAIN or NODATA)
 * @param text   the expectation in words
 */
public record ExpectedAnswer(SourceKind source, String basis, String rcode, List<String> values, String text) {

    /** Whether the answer is known (read from a hosted zone). */
    public boolean known() {
        return rcode != null;
    }

    /** What the private zone {@code zone} answers for the query, from its record sets at the query name. */
    public static ExpectedAnswer fromZone(LookupQuery query, AnswerSource zone, List<ResourceRecordSet> atName) {
        String basis = zone.describe();
        List<String> values = valuesOf(atName, Type.string(query.type()));
        if (!values.isEmpty()) {
            return new ExpectedAnswer(SourceKind.PRIVATE_ZONE, basis, "NOERROR", values, query.typeName() + " " + String.join(" ", values));
        }
        List<String> cname = valuesOf(atName, "CNAME");
        if (!cname.isEmpty()) {
            return new ExpectedAnswer(SourceKind.PRIVATE_ZONE, basis, "NOERROR", cname, "CNAME " + cname.get(0) + " (then its "
                    + query.typeName() + " records)");
        }
        if (!atName.isEmpty()) {
            return new ExpectedAnswer(SourceKind.PRIVATE_ZONE, basis, "NOERROR", List.of(), "NODATA: " + query.name() + " has records, but no "
                    + query.typeName());
        }
        return new ExpectedAnswer(SourceKind.PRIVATE_ZONE, basis, "NXDOMAIN", List.of(), "NXDOMAIN: the zone has no record named "
                + query.name());
    }

    /** What a source zonebridge cannot read answers, in words. */
    public static ExpectedAnswer unreadable(LookupQuery query, AnswerSource source) {
        String text = switch (source.kind()) {
            case FORWARD_RULE -> "whatever the forwarding targets " + String.join(", ", source.targets())
                    + " answer (Resolver relays it)";
            case AUTODEFINED_REVERSE -> "Resolver's own answer: a name like ip-"
                    + query.address().map(a -> a.getHostAddress().replace('.', '-')).orElse("a-b-c-d")
                    + ".<region>.compute.internal when an EC2 network interface has the address, else NXDOMAIN";
            case INTERNET -> "what public DNS answers for " + query.name();
            default -> "Resolver's local answer";
        };
        return new ExpectedAnswer(source.kind(), source.describe(), null, List.of(), text);
    }

    /** A private zone whose record sets cannot be read with these credentials (another account's zone). */
    public static ExpectedAnswer unreadableZone(AnswerSource zone, String why) {
        return new ExpectedAnswer(SourceKind.PRIVATE_ZONE, zone.describe(), null, List.of(),
                "the zone's records (not readable with these credentials: " + why + ")");
    }

    /** The values of the record sets of {@code type} (alias targets as {@code ALIAS name}), sorted, lower case. */
    static List<String> valuesOf(List<ResourceRecordSet> sets, String type) {
        List<String> values = new ArrayList<>();
        for (ResourceRecordSet set : sets) {
            if (!type.equals(set.typeAsString()) && !(type.equals("CNAME") && set.type() == RRType.CNAME)) {
                continue;
            }
            if (set.aliasTarget() != null) {
                values.add("alias " + set.aliasTarget().dnsName().toLowerCase(Locale.ROOT));
            }
            set.resourceRecords().forEach(r -> values.add(r.value().toLowerCase(Locale.ROOT)));
        }
        return values.stream().sorted().distinct().toList();
    }
}
