package io.zonebridge.local;

import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Route 53 names and record sets (octal escapes, verbatim values) into dnsjava names and records. */
public final class DnsRecordSets {
    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

    private DnsRecordSets() {
    }

    /** The dnsjava name of a Route 53 name (labels carried over byte for byte). */
    public static Name name(DomainName domainName) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String label : domainName.labels()) {
            wire.write(label.length());
            for (char c : label.toCharArray()) {
                wire.write(c);
            }
        }
        wire.write(0);
        try {
            return new Name(new DNSInput(wire.toByteArray()));
        } catch (WireParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + domainName, e);
        }
    }

    /** The Route 53 name of a dnsjava name. */
    public static DomainName domainName(Name name) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < name.labels() - 1; i++) {
            byte[] label = name.getLabel(i);
            StringBuilder text = new StringBuilder();
            for (int j = 1; j < label.length; j++) {
                text.append((char) (label[j] & 0xff));
            }
            labels.add(text.toString());
        }
        DomainName result = DomainName.parse(".");
        for (int i = labels.size() - 1; i >= 0; i--) {
            result = result.child(labels.get(i));
        }
        return result;
    }

    /**
     * The records of a non-alias set, owned by {@code owner} with {@code ttl}; values dnsjava cannot read are left
     * out (Route 53 accepts a few forms a master file does not).
     */
    public static List<Record> records(Name owner, RecordSetData set, long ttl) {
        List<Record> records = new ArrayList<>();
        int type = Type.value(set.type());
        for (String value : set.values()) {
            String text = set.type().equals("TXT") || set.type().equals("SPF") ? decimalEscapes(value) : value;
            try {
                records.add(Record.fromString(owner, type, DClass.IN, ttl, text, Name.root));
            } catch (IOException | RuntimeException e) {
                // a value dnsjava cannot parse is not served
            }
        }
        return records;
    }

    private static String decimalEscapes(String value) {
        Matcher m = OCTAL_ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.format("\\%03d", Integer.parseInt(m.group(1), 8))));
        }
        return m.appendTail(out).toString();
    }
}
