package io.zonebridge.local;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers DNS queries authoritatively from the emulator's hosted zones (all accounts; the most specific zone
 * wins): answers with AA, CNAME chains within the zone, aliases to sets of the same zone, wildcards, referrals
 * below delegations, NODATA and NXDOMAIN with the zone's SOA, REFUSED outside every zone.
 */
public final class ZoneAuthority {
    private static final int MAX_CNAME_HOPS = 8;
    private final EmulatorState state;

    /** An authority over {@code state}. */
    public ZoneAuthority(EmulatorState state) {
        this.state = state;
    }

    /** The response to {@code query}. */
    public Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response;
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        DomainName qname = DnsRecordSets.domainName(question.getName());
        Optional<ZoneView> zone = state.read(() -> mostSpecificZone(qname));
        if (zone.isEmpty() || question.getDClass() != DClass.IN) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response;
        }
        zone.get().answer(question.getName(), qname, question.getType(), response);
        return response;
    }

    private Optional<ZoneView> mostSpecificZone(DomainName qname) {
        return state.accounts().stream().flatMap(account -> account.zones().values().stream())
                .filter(zone -> qname.isWithin(zone.domainName()))
                .max(Comparator.comparingInt(zone -> zone.domainName().labels().size()))
                .map(zone -> new ZoneView(zone.domainName(), List.copyOf(zone.records().values())));
    }

    /** A consistent copy of one zone's record sets, indexed by name. */
    private static final class ZoneView {
        private final DomainName apex;
        private final Map<DomainName, List<RecordSetData>> byName = new HashMap<>();

        ZoneView(DomainName apex, List<RecordSetData> sets) {
            this.apex = apex;
            for (RecordSetData set : sets) {
                byName.computeIfAbsent(DomainName.parse(set.name()), n -> new ArrayList<>()).add(set);
            }
        }

        void answer(Name owner, DomainName qname, int qtype, Message response) {
            DomainName cut = delegation(qname, qtype);
            if (cut != null) {
                sets(cut, Type.NS).forEach(set -> DnsRecordSets.records(DnsRecordSets.name(cut), set, set.ttl())
                        .forEach(r -> response.addRecord(r, Section.AUTHORITY)));
                return;
            }
            response.getHeader().setFlag(Flags.AA);
            DomainName name = qname;
            Name ownerName = owner;
            for (int hop = 0; hop < MAX_CNAME_HOPS; hop++) {
                List<RecordSetData> here = setsAt(name);
                if (here == null) {
                    if (hop == 0) {
                        response.getHeader().setRcode(Rcode.NXDOMAIN);
                        addSoa(response);
                    }
                    return;
                }
                List<Record> answers = records(ownerName, here, qtype);
                if (!answers.isEmpty()) {
                    answers.forEach(r -> response.addRecord(r, Section.ANSWER));
                    return;
                }
                List<Record> cnames = qtype == Type.CNAME ? List.of() : records(ownerName, here, Type.CNAME);
                if (cnames.isEmpty()) {
                    if (hop == 0) {
                        addSoa(response);
                    }
                    return;
                }
                cnames.forEach(r -> response.addRecord(r, Section.ANSWER));
                Name target = ((CNAMERecord) cnames.get(0)).getTarget();
                name = DnsRecordSets.domainName(target);
                ownerName = target;
                if (!name.isWithin(apex)) {
                    return;
                }
            }
        }

        /** Record sets at {@code name}, a wildcard's sets, an empty list (empty non-terminal) or null (NXDOMAIN). */
        private List<RecordSetData> setsAt(DomainName name) {
            List<RecordSetData> exact = byName.get(name);
            if (exact != null) {
                return exact;
            }
            if (hasDescendants(name)) {
                return List.of();
            }
            DomainName encloser = name.parent();
            while (!encloser.equals(apex) && byName.get(encloser) == null && !hasDescendants(encloser)) {
                encloser = encloser.parent();
            }
            return byName.get(encloser.child("*"));
        }

        private boolean hasDescendants(DomainName name) {
            return byName.keySet().stream().anyMatch(other -> !other.equals(name) && other.isWithin(name));
        }

        private DomainName delegation(DomainName qname, int qtype) {
            List<DomainName> chain = new ArrayList<>();
            for (DomainName n = qname; !n.equals(apex); n = n.parent()) {
                chain.add(0, n);
            }
            for (DomainName n : chain) {
                if (!sets(n, Type.NS).isEmpty() && !(n.equals(qname) && qtype == Type.DS)) {
                    return n;
                }
            }
            return null;
        }

        private List<RecordSetData> sets(DomainName name, int type) {
            return byName.getOrDefault(name, List.of()).stream()
                    .filter(set -> set.type().equals(Type.string(type))).toList();
        }

        private List<Record> records(Name owner, List<RecordSetData> here, int qtype) {
            List<Record> found = new ArrayList<>();
            for (RecordSetData set : here) {
                if (qtype != Type.ANY && !set.type().equals(Type.string(qtype))) {
                    continue;
                }
                if (set.isAlias()) {
                    DomainName target = DomainName.parse(set.aliasTarget().dnsName());
                    if (target.isWithin(apex)) {
                        sets(target, Type.value(set.type())).stream().filter(t -> !t.isAlias()).forEach(t ->
                                found.addAll(DnsRecordSets.records(owner, t, t.ttl())));
                    }
                } else {
                    for (Record record : DnsRecordSets.records(owner, set, set.ttl())) {
                        if (!found.contains(record)) {
                            found.add(record);
                        }
                    }
                }
            }
            return found;
        }

        private void addSoa(Message response) {
            for (RecordSetData soa : sets(apex, Type.SOA)) {
                for (Record record : DnsRecordSets.records(DnsRecordSets.name(apex), soa, soa.ttl())) {
                    SOARecord s = (SOARecord) record;
                    response.addRecord(new SOARecord(s.getName(), DClass.IN, Math.min(s.getTTL(), s.getMinimum()),
                            s.getHost(), s.getAdmin(), s.getSerial(), s.getRefresh(), s.getRetry(), s.getExpire(),
                            s.getMinimum()), Section.AUTHORITY);
                }
            }
        }
    }
}
