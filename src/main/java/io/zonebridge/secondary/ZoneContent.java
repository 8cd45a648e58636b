package io.zonebridge.secondary;

import java.util.ArrayList;
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
 * (without the closing SOA), or the known records with IXFR deltas applied. Anything inconsistent throws
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
     * records) change nothing but the added record's TTL: the result is the primary's zone either way.
     *
     * @param fromSerial the serial the known records have (the IXFR request's serial)
     */
    static List<Record> applyIxfr(Name zone, long fromSerial, List<Record> known, List<ZoneTransferIn.Delta> deltas)
            throws Inconsistent {
        if (deltas == null || deltas.isEmpty()) {
            throw new Inconsistent("IXFR of " + zone + " carried no differences");
        }
        Map<Record, Record> records = new LinkedHashMap<>();
        for (Record record : known) {
            records.put(record, record);
        }
        long serial = fromSerial;
        for (ZoneTransferIn.Delta delta : deltas) {
            if (delta.start != serial) {
                throw new Inconsistent("IXFR of " + zone + " has a difference from serial " + delta.start
                        + " where serial " + serial + " was expected");
            }
            for (Record deleted : delta.deletes) {
                records.remove(deleted);
            }
            for (Record added : delta.adds) {
                records.put(added, added); // Record.equals ignores the TTL: a re-added record takes the new one
            }
            serial = delta.end;
        }
        return checked(zone, new ArrayList<>(records.values()), serial);
    }

    private static List<Record> checked(Name zone, List<Record> records, long serial) throws Inconsistent {
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
            if (record.getType() == Type.SOA) {
                SOARecord soa = soaOf(record, zone, "apex");
                if (soa.getSerial() != serial) {
                    throw new Inconsistent("zone " + zone + " ends with SOA serial " + soa.getSerial()
                            + " but the transfer ended at serial " + serial);
                }
                apexSoas++;
            }
        }
        if (apexSoas != 1) {
            throw new Inconsistent("zone " + zone + " would hold " + apexSoas + " SOA records, expected 1");
        }
        return List.copyOf(records);
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
