package io.zonebridge.route53;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SSHFPRecord;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * The Route 53 presentation text of a dnsjava record's data. dnsjava's own text form uses decimal
 * escapes in names and strings, which Route 53 would read as octal, so names and strings are taken
 * from the record's fields (label and string bytes), never from {@code rdataToString()}.
 */
final class RdataText {

    private static final HexFormat HEX = HexFormat.of();

    private RdataText() {
    }

    /** The record data as Route 53 text; the type must be one Route 53 supports. */
    static String of(Record r) {
        if (r instanceof ARecord) {
            // the dotted quad dnsjava prints (ARecord.getAddress() would format the owner name on every call)
            return r.rdataToString();
        } else if (r instanceof AAAARecord) {
            return Ipv6Text.format(r.rdataToWireCanonical());
        } else if (r instanceof TXTRecord t) {
            return strings(t.getStringsAsByteArrays());
        } else if (r instanceof SPFRecord t) {
            return strings(t.getStringsAsByteArrays());
        } else if (r instanceof CNAMERecord cname) {
            return name(cname.getTarget());
        } else if (r instanceof NSRecord ns) {
            return name(ns.getTarget());
        } else if (r instanceof PTRRecord ptr) {
            return name(ptr.getTarget());
        } else if (r instanceof MXRecord mx) {
            return mx.getPriority() + " " + name(mx.getTarget());
        } else if (r instanceof SRVRecord srv) {
            return srv.getPriority() + " " + srv.getWeight() + " " + srv.getPort() + " " + name(srv.getTarget());
        } else if (r instanceof NAPTRRecord naptr) {
            return naptr(naptr);
        } else if (r instanceof CAARecord caa) {
            return caa.getFlags() + " " + caa.getTag() + " " + CharacterStrings.quote(caa.getValueAsByteArray());
        } else if (r instanceof DSRecord ds) {
            return ds.getFootprint() + " " + ds.getAlgorithm() + " " + ds.getDigestID() + " " + HEX.formatHex(ds.getDigest());
        } else if (r instanceof SSHFPRecord s) {
            return s.getAlgorithm() + " " + s.getDigestType() + " " + HEX.formatHex(s.getFingerPrint());
        } else if (r instanceof TLSARecord t) {
            return t.getCertificateUsage() + " " + t.getSelector() + " " + t.getMatchingType() + " "
                    + HEX.formatHex(t.getCertificateAssociationData());
        } else if (r instanceof SVCBBase svcb) {
            return svcb.getSvcPriority() + " " + name(svcb.getTargetName()) + ServiceBindingValue.paramsOf(r);
        } else if (r instanceof SOARecord soa) {
            return String.join(" ", List.of(name(soa.getHost()), name(soa.getAdmin()), Long.toString(soa.getSerial()),
                    Long.toString(soa.getRefresh()), Long.toString(soa.getRetry()), Long.toString(soa.getExpire()),
                    Long.toString(soa.getMinimum())));
        }
        throw new IllegalArgumentException("record type " + Type.string(r.getType()) + " is not supported by Route 53: " + r);
    }

    /**
     * Whether {@link #of} already yields the canonical value for this record: true for the types whose text
     * is built only from an address, a name (through the codec) and numbers (A, AAAA, CNAME, NS, PTR, MX),
     * so a second parse through {@link RecordValueCodec#canonical(String, String)} would change nothing.
     */
    static boolean isCanonicalAsBuilt(Record r) {
        return r instanceof ARecord || r instanceof AAAARecord || r instanceof CNAMERecord || r instanceof NSRecord
                || r instanceof PTRRecord || r instanceof MXRecord;
    }

    private static String naptr(NAPTRRecord r) {
        DNSInput in = new DNSInput(r.rdataToWireCanonical());
        try {
            in.readU16();
            in.readU16();
            return r.getOrder() + " " + r.getPreference() + " " + CharacterStrings.quote(in.readCountedString()) + " "
                    + CharacterStrings.quote(in.readCountedString()) + " " + CharacterStrings.quote(in.readCountedString())
                    + " " + name(r.getReplacement());
        } catch (WireParseException e) {
            throw new IllegalArgumentException("malformed NAPTR record " + r, e);
        }
    }

    private static String strings(List<byte[]> strings) {
        return strings.stream().map(CharacterStrings::quote).collect(Collectors.joining(" "));
    }

    private static String name(Name name) {
        return RecordNameCodec.canonical(name);
    }
}
