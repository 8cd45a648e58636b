package io.zonebridge.doctor;

import java.util.List;
import org.xbill.DNS.Name;

/**
 * One source that could answer the query in the VPC: a Resolver rule, an autodefined reverse rule, a private hosted
 * zone or the internet resolver, whose domain covers the query name.
 *
 * @param kind        what it is
 * @param domain      the domain it serves (absolute)
 * @param id          rule id, hosted zone id, or the VPC id an autodefined rule comes from
 * @param detail      one line on where it comes from (rule name, zone name, CIDR and peering)
 * @param inEffect    whether it applies to queries from the VPC now
 * @param whyNot      when not in effect, why (e.g. not associated with the VPC); else empty
 * @param endpointId  outbound endpoint of a forwarding rule, else null
 * @param targets     forwarding targets ({@code ip:port}) of a forwarding rule, else empty
 */
public record AnswerSource(SourceKind kind, Name domain, String id, String detail, boolean inEffect, String whyNot,
                           String endpointId, List<String> targets) {

    /** A source that is not a forwarding rule. */
    public static AnswerSource of(SourceKind kind, Name domain, String id, String detail, boolean inEffect,
                                  String whyNot) {
        return new AnswerSource(kind, domain, id, detail, inEffect, whyNot, null, List.of());
    }

    /** Labels of the domain: more labels, more specific. */
    public int specificity() {
        return domain.labels();
    }

    /** E.g. {@code private hosted zone 10.in-addr.arpa. (Z0123)}. */
    public String describe() {
        return kind.label() + " " + domain + " (" + id + ")";
    }
}
