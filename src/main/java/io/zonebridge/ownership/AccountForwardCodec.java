package io.zonebridge.ownership;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.reverse.AccountForward;
import io.zonebridge.reverse.ReconcileFailure;
import io.zonebridge.route53.ApiCallStats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@link AccountForward} as gzip-compressed bytes: of each A/AAAA record set only what the PTR plan reads (name,
 * type, set identifier, TTL, values): under 8 KB for an account of 1,000 A records.
 */
final class AccountForwardCodec {

    private AccountForwardCodec() {
    }

    static byte[] encode(AccountForward read) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(read.account());
            out.writeInt(read.zonesRead());
            out.writeBoolean(read.complete());
            out.writeInt(read.failures().size());
            for (ReconcileFailure failure : read.failures()) {
                out.writeUTF(failure.account());
                out.writeUTF(failure.scope());
                out.writeUTF(limit(failure.message()));
            }
            writeCounts(out, read.calls().requestsByOperation());
            out.writeLong(read.calls().retries());
            writeCounts(out, read.calls().errorsByCode());
            out.writeInt(read.addressSets().size());
            for (RecordSet set : read.addressSets()) {
                out.writeUTF(set.name());
                out.writeUTF(set.type());
                out.writeUTF(set.key().setIdentifier() == null ? "" : set.key().setIdentifier());
                out.writeLong(set.ttl() == null ? -1 : set.ttl());
                out.writeInt(set.values().size());
                for (String value : set.values()) {
                    out.writeUTF(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static AccountForward decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            String account = in.readUTF();
            int zonesRead = in.readInt();
            boolean complete = in.readBoolean();
            List<ReconcileFailure> failures = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                failures.add(new ReconcileFailure(in.readUTF(), in.readUTF(), in.readUTF()));
            }
            Map<String, Long> requests = readCounts(in);
            long retries = in.readLong();
            ApiCallStats calls = new ApiCallStats(requests, retries, readCounts(in));
            int count = in.readInt();
            List<RecordSet> sets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                String type = in.readUTF();
                String setIdentifier = in.readUTF();
                long ttl = in.readLong();
                List<String> values = new ArrayList<>();
                for (int v = in.readInt(); v > 0; v--) {
                    values.add(in.readUTF());
                }
                RecordKey key = new RecordKey(name, type, setIdentifier.isEmpty() ? null : setIdentifier);
                sets.add(new RecordSet(key, ttl < 0 ? null : ttl, values, null, null));
            }
            return new AccountForward(account, zonesRead, complete, sets, failures, calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String limit(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    private static void writeCounts(DataOutputStream out, Map<String, Long> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    private static Map<String, Long> readCounts(DataInputStream in) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            counts.put(in.readUTF(), in.readLong());
        }
        return counts;
    }
}
