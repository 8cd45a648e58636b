package io.zonebridge.zonefile;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.route53.RecordNameCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.RelativeNameException;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;

/**
 * Reads an RFC 1035 master (zone) file with dnsjava's {@link Master} into a canonical
 * {@link ZoneSnapshot}.
 *
 * <p>The origin is the one given, else the owner of the file's SOA record (relative names then
 * need an {@code $ORIGIN} line before them). TTLs follow dnsjava: {@code $TTL}, else the previous
 * record's TTL, else the SOA minimum, else the default TTL given to the constructor; a record with
 * none of these is an error. {@code $GENERATE} is expanded and
 * {@code $INCLUDE} paths are resolved against the including file's directory, as dnsjava does.
 *
 * <p>Every problem is a {@link ZoneFileException} whose message is {@code FILE:LINE: reason} when
 * dnsjava reports the line (syntax errors, bad values, missing TTL) and {@code FILE: reason}
 * otherwise (unreadable file, no origin, a record outside the origin — which is named).
 */
public final class ZoneFileReader {

    /** dnsjava's {@code TextParseException} text: {@code file:line: reason}. */
    private static final Pattern LOCATED = Pattern.compile("^(.*):(\\d+): (.*)$", Pattern.DOTALL);

    private final long defaultTtl;

    /** A reader without a default TTL: every record needs a TTL from the file. */
    public ZoneFileReader() {
        this.defaultTtl = -1;
    }

    /** A reader that gives {@code defaultTtl} seconds to records for which the file sets no TTL. */
    public ZoneFileReader(long defaultTtl) {
        if (defaultTtl < 0) {
            throw new IllegalArgumentException("default TTL must not be negative: " + defaultTtl);
        }
        this.defaultTtl = defaultTtl;
    }

    /** The zone in {@code file}; {@code originOrNull} null takes the origin from the file's SOA. */
    public ZoneSnapshot read(Path file, String originOrNull) throws ZoneFileException {
        return convert(file, originOrNull).snapshot();
    }

    /** As {@link #read}, also reporting the records of types Route 53 does not support, which are skipped. */
    public ConvertedZone convert(Path file, String originOrNull) throws ZoneFileException {
        String fileName = file.toString();
        Name origin = null;
        if (originOrNull != null) {
            try {
                origin = RecordNameCodec.toName(originOrNull);
            } catch (IllegalArgumentException e) {
                throw new ZoneFileException(fileName, 0, "bad origin: " + e.getMessage(), e);
            }
        }
        if (!Files.isReadable(file)) {
            throw new ZoneFileException(fileName, 0, "cannot read the file (missing or not readable)", null);
        }
        List<Record> records = parse(file, origin);
        if (origin == null) {
            origin = records.stream().filter(SOARecord.class::isInstance).map(Record::getName).findFirst()
                    .orElseThrow(() -> new ZoneFileException(fileName, 0,
                            "no origin given and no SOA record to take it from", null));
        }
        try {
            return DnsRecordConverter.convert(RecordNameCodec.canonical(origin), records);
        } catch (IllegalArgumentException e) {
            throw new ZoneFileException(fileName, 0, e.getMessage(), e);
        }
    }

    private List<Record> parse(Path file, Name origin) throws ZoneFileException {
        String fileName = file.toString();
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(fileName, origin, defaultTtl)) {
            Record record;
            while ((record = master.nextRecord()) != null) {
                records.add(record);
            }
        } catch (TextParseException e) {
            Matcher m = LOCATED.matcher(String.valueOf(e.getMessage()));
            if (m.matches()) {
                // dnsjava names the file by its base name; an $INCLUDEd file keeps its own name
                String where = m.group(1).equals(String.valueOf(file.getFileName())) ? fileName : m.group(1);
                throw new ZoneFileException(where, Integer.parseInt(m.group(2)), m.group(3), e);
            }
            throw new ZoneFileException(fileName, 0, String.valueOf(e.getMessage()), e);
        } catch (RelativeNameException e) {
            throw new ZoneFileException(fileName, 0, e.getMessage()
                    + " (no origin given: pass one or put an $ORIGIN line before relative names)", e);
        } catch (IOException | RuntimeException e) {
            throw new ZoneFileException(fileName, 0, "cannot parse: " + e.getMessage(), e);
        }
        return records;
    }
}
