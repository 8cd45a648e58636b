package io.zonebridge.secondary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Builds a complete zone from what a transfer delivered, checking that it is whole: an AXFR's records
 * (without the closing SOA), or the known records with IXFR deltas applied (and what those changed). Anything inconsistent throws
 * {@link ZoneContent.Inconsistent}, so no partial zone ever leaves this class.
 */
final class ZoneContent {

    private ZoneContent() {
    }

    /** The zone from an AXFR record list as dnsjava returns it: SOA, records, SOA. */
    static List<Record> fromAxfr(Name zone, List<Record> axfr) throws Inconsistent {
        if (axfr == null || axfr.size() < 2) {
            throw new Inconsistent("AXFR of " + zone + " is incomplete: " + (axfr == null ? 0 : axfr.size())
                    + " records, expected at least the opening and closing SOA");
        }
        SOARecord first = soaOf(axfr.get(0), zone, "opening");
        SOARecord last = soaOf(axfr.get(axfr.size() - 1), zone, "closing");
        if (first.getSerial() != last.getSerial()) {
            throw new Inconsistent("AXFR of " + zone + " opens with serial " + first.getSerial()
                    + " but closes with serial " + last.getSerial());
        }
        List<Record> records = axfr.subList(0, axfr.size() - 1);
        return checked(zone, records, first.getSerial());
    }

    /**
     * The known zone with IXFR deltas applied in order: each difference's deletions, then its additions. A
     * deletion of a record the zone lacks and an addition of a record it holds (NSD 4.6.1 re-adds unchanged apex
     * records) change nothing but the added record's TTL: the result is the primary's zone either way. Costs in
     * proportion to the differences when {@code known} is a {@link KeptZone} of the zone (checked when it was
     * kept): only the names they touch are checked; any other list is indexed and checked whole.
     *
     * @param fromSerial the serial the known records have (the IXFR request's serial)
     */
    static Ixfr applyIxfr(Name zone, long fromSerial, List<Record> known, List<ZoneTransferIn.Delta> deltas)
            throws Inconsistent {
        if (deltas == null || deltas.isEmpty()) {
            throw new Inconsistent("IXFR of " + zone + " carried no differences");
        }
        boolean kept = known instanceof KeptZone k && k.zone().equals(zone);
        KeptZone base = KeptZone.of(zone, known);
        Map<Name, List<Record>> touched = new LinkedHashMap<>();
        long serial = fromSerial;
        for (ZoneTransferIn.Delta delta : deltas) {
            if (delta.start != serial) {
                throw new Inconsistent("IXFR of " + zone + " has a difference from serial " + delta.start
                        + " where serial " + serial + " was expected");
            }
            for (Record deleted : delta.deletes) {
                touched(touched, base, deleted.getName()).remove(deleted);
            }
            for (Record added : delta.adds) {
                List<Record> records = touched(touched, base, added.getName());
                int at = records.indexOf(added); // Record.equals ignores the TTL: a re-added record takes the new one
                if (at >= 0) {
                    records.set(at, added);
                } else {
                    records.add(added);
                }
            }
            serial = delta.end;
        }
        Map<Name, List<Record>> before = new LinkedHashMap<>();
        touched.keySet().forEach(name -> before.put(name, base.records(name)));
        KeptZone after = base.with(touched);
        if (kept) {
            check(zone, touched.values(), after.records(zone), serial);
        } else {
            check(zone, after, serial);
        }
        return new Ixfr(after, new ZoneDelta(before, touched));
    }

    /** The records of {@code name} as the differences change them (a copy of the known ones at first). */
    private static List<Record> touched(Map<Name, List<Record>> touched, KeptZone base, Name name) {
        return touched.computeIfAbsent(name, n -> new ArrayList<>(base.records(n)));
    }

    /**
     * A known zone with IXFR differences applied.
     *
     * @param zone  the new complete zone
     * @param delta what the differences changed
     */
    record Ixfr(KeptZone zone, ZoneDelta delta) {
    }

    private static List<Record> checked(Name zone, List<Record> records, long serial) throws Inconsistent {
        check(zone, records, serial);
        return List.copyOf(records);
    }

    /** Checks a whole zone: every record in it, exactly one SOA, at the apex, with the serial the transfer ended at. */
    private static void check(Name zone, List<Record> records, long serial) throws Inconsistent {
        int apexSoas = 0;
        Name checkedName = null;
        for (Record record : records) {
            // a name's records come together: check each name once, not each record
            if (!record.getName().equals(checkedName)) {
                if (!record.getName().subdomain(zone)) {
                    throw new Inconsistent("transfer of " + zone + " holds a record outside the zone: " + record);
                }
                checkedName = record.getName();
            }
            apexSoas += soaCount(zone, record, serial);
        }
        requireOneSoa(zone, apexSoas);
    }

    /**
     * Checks what differences changed in a zone that was whole before them: the touched names' records lie in the
     * zone and hold no SOA but the apex's, and the apex holds exactly one, with the serial the transfer ended at.
     */
    private static void check(Name zone, Collection<List<Record>> touched, List<Record> apex, long serial)
            throws Inconsistent {
        for (List<Record> records : touched) {
            if (!records.isEmpty() && !records.get(0).getName().subdomain(zone)) {
                throw new Inconsistent("transfer of " + zone + " holds a record outside the zone: " + records.get(0));
            }
            for (Record record : records) {
                if (record.getType() == Type.SOA && !record.getName().equals(zone)) {
                    soaOf(record, zone, "apex");
                }
            }
        }
        int apexSoas = 0;
        for (Record record : apex) {
            apexSoas += soaCount(zone, record, serial);
        }
        requireOneSoa(zone, apexSoas);
    }

    /** 1 for the apex SOA with the expected serial, 0 for any other record; throws for any other SOA. */
    private static int soaCount(Name zone, Record record, long serial) throws Inconsistent {
        if (record.getType() != Type.SOA) {
            return 0;
        }
        SOARecord soa = soaOf(record, zone, "apex");
        if (soa.getSerial() != serial) {
            throw new Inconsistent("zone " + zone + " ends with SOA serial " + soa.getSerial()
                    + " but the transfer ended at serial " + serial);
        }
        return 1;
    }

    private static void requireOneSoa(Name zone, int apexSoas) throws Inconsistent {
        if (apexSoas != 1) {
            throw new Inconsistent("zone " + zone + " would hold " + apexSoas + " SOA records, expected 1");
        }
    }

    private static SOARecord soaOf(Record record, Name zone, String which) throws Inconsistent {
        if (!(record instanceof SOARecord soa) || !record.getName().equals(zone)) {
            throw new Inconsistent("transfer of " + zone + " has no " + which + " SOA of the zone, found: " + record);
        }
        return soa;
    }

    /** A transfer that does not add up to a whole zone. */
    static final class Inconsistent extends Exception {
        private static final long serialVersionUID = 1L;

        Inconsistent(String message) {
            super(message);
        }
    }
}
