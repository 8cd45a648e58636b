package io.zonebridge.local;

import java.util.Iterator;
import java.util.NavigableMap;
import java.util.function.LongSupplier;

/** ChangeResourceRecordSets (atomic batches) and ListResourceRecordSets (Route 53 order, paging). */
public final class RecordSetOperations {
    static final int MAX_RECORD_SETS_PER_PAGE = 300;
    private final EmulatorState state;
    private final ZoneChanges changes;
    private final LongSupplier clock;

    /** Creates the operations over {@code state}. */
    public RecordSetOperations(EmulatorState state, ZoneChanges changes, LongSupplier clock) {
        this.state = state;
        this.changes = changes;
        this.clock = clock;
    }

    /** ChangeResourceRecordSets: all changes or none. */
    public Route53Response change(Route53Request request) {
        ZoneLookup.checkIdLength(request.id());
        ChangeBatchParser.Batch batch = ChangeBatchParser.parse(request.body());
        return state.mutate(() -> {
            AccountState account = state.account(request.account());
            HostedZoneData zone = ZoneLookup.find(account, request.id());
            long now = clock.getAsLong();
            changes.checkNotBusy(account, zone, now);
            NavigableMap<RecordSetKey, RecordSetData> after = ChangeBatchValidator.apply(zone, batch.changes());
            zone.replaceRecords(after);
            ChangeData change = changes.submit(account, zone, batch.comment(), now);
            XmlWriter w = new XmlWriter("ChangeResourceRecordSetsResponse");
            Route53Xml.submittedChange(w, change);
            return Route53Response.ok(w.finish());
        });
    }

    /** ListResourceRecordSets from the start point {@code name}/{@code type}/{@code identifier}. */
    public Route53Response list(Route53Request request) {
        ZoneLookup.checkIdLength(request.id());
        String name = request.query().get("name");
        String type = request.query().get("type");
        String identifier = request.query().get("identifier");
        int maxItems = MaxItems.parse(request.query().get("maxitems"), MAX_RECORD_SETS_PER_PAGE);
        RecordSetKey start = startKey(name, type, identifier);
        return state.read(() -> {
            HostedZoneData zone = ZoneLookup.find(state.account(request.account()), request.id());
            NavigableMap<RecordSetKey, RecordSetData> records = zone.records();
            Iterator<RecordSetData> sets = (start == null ? records : records.tailMap(start, true)).values()
                    .iterator();
            XmlWriter w = new XmlWriter("ListResourceRecordSetsResponse").start("ResourceRecordSets");
            for (int i = 0; i < maxItems && sets.hasNext(); i++) {
                Route53Xml.recordSet(w, sets.next());
            }
            w.end().element("IsTruncated", sets.hasNext());
            if (sets.hasNext()) {
                RecordSetData next = sets.next();
                w.element("NextRecordName", next.name()).element("NextRecordType", next.type())
                        .element("NextRecordIdentifier", next.setIdentifier());
            }
            return Route53Response.ok(w.element("MaxItems", maxItems).finish());
        });
    }

    private static RecordSetKey startKey(String name, String type, String identifier) {
        if (name == null) {
            if (type != null || identifier != null) {
                throw ServiceException.invalidInput("The input is not valid: StartRecordType requires "
                        + "StartRecordName.");
            }
            return null;
        }
        if (type != null && !ChangeBatchParser.TYPES.contains(type)) {
            throw ServiceException.invalidInput("1 validation error detected: Value '" + type + "' at 'type' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: " + ChangeBatchParser.TYPES);
        }
        if (identifier != null && type == null) {
            throw ServiceException.invalidInput("The input is not valid: StartRecordIdentifier requires "
                    + "StartRecordType.");
        }
        try {
            return new RecordSetKey(DomainName.parse(name).canonical(), type == null ? "" : type, identifier);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidInput(e.getMessage());
        }
    }
}
