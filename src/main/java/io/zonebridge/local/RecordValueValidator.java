package io.zonebridge.local;

import org.xbill.DNS.Address;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks record values the way Route 53 does, producing its {@code Invalid Resource Record} messages. */
public final class RecordValueValidator {
    static final int MAX_VALUES = 400;

    private RecordValueValidator() {
    }

    /** Every problem of {@code values} for a record set of {@code type} named {@code name}, in value order. */
    public static List<String> problems(String name, String type, List<String> values) {
        List<String> problems = new ArrayList<>();
        if (values.size() > MAX_VALUES) {
            problems.add("Cannot have more than " + MAX_VALUES + " records in a RRSet.");
            return problems;
        }
        if ((type.equals("CNAME") || type.equals("SOA")) && values.size() > 1) {
            problems.add("RRSet of type " + type + " with DNS name " + name
                    + " is not permitted to contain more than one value");
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            String problem = problem(type, value);
            if (problem != null) {
                problems.add("Invalid Resource Record: '" + problem + " encountered with '" + value + "''");
            } else if (!seen.add(value)) {
                problems.add("Duplicate Resource Record: '" + value + "'");
            }
        }
        return problems;
    }

    private static String problem(String type, String value) {
        String[] fields = value.trim().split("\\s+");
        return switch (type) {
            case "A" -> value.contains(" ") ? fatal("ARRDATANotSingleField (Value contains spaces)")
                    : Address.toByteArray(value, Address.IPv4) == null
                    ? fatal("ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address)") : null;
            case "AAAA" -> value.contains(" ") ? fatal("AAAARRDATANotSingleField (Value contains spaces)")
                    : Address.toByteArray(value, Address.IPv6) == null
                    ? fatal("AAAARRDATAIllegalIPv6Address (Value is not a valid IPv6 address)") : null;
            case "TXT", "SPF" -> characterStringsProblem(value);
            case "CNAME", "NS", "PTR" -> value.contains(" ")
                    ? fatal("RRDATANotSingleField (Value contains spaces)") : domainProblem(value);
            case "MX" -> fields.length != 2 || !isNumber(fields[0], 65535)
                    ? fatal("MXRRDATANotTwoFields (Value does not contain a priority and a domain name)")
                    : domainProblem(fields[1]);
            case "SRV" -> fields.length != 4 || !isNumber(fields[0], 65535) || !isNumber(fields[1], 65535)
                    || !isNumber(fields[2], 65535)
                    ? fatal("SRVRRDATANotFourFields (Value does not contain priority, weight, port and target)")
                    : domainProblem(fields[3]);
            case "SOA" -> fields.length != 7
                    ? fatal("SOARRDATANotSevenFields (Value does not contain seven fields)") : null;
            case "CAA" -> fields.length < 3 || !isNumber(fields[0], 255)
                    ? fatal("CAARRDATANotThreeFields (Value does not contain flags, tag and value)") : null;
            default -> null;
        };
    }

    private static String characterStringsProblem(String value) {
        int i = 0;
        boolean any = false;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c != '"') {
                return fatal("InvalidCharacterString (Value should be enclosed in quotation marks)");
            }
            int length = 0;
            i++;
            while (i < value.length() && value.charAt(i) != '"') {
                i += value.charAt(i) == '\\' ? 2 : 1;
                length++;
            }
            if (i >= value.length()) {
                return fatal("InvalidCharacterString (Value should be enclosed in quotation marks)");
            }
            if (length > 255) {
                return fatal("CharacterStringTooLong (Value is too long)");
            }
            i++;
            any = true;
        }
        return any ? null : fatal("InvalidCharacterString (Value should be enclosed in quotation marks)");
    }

    private static String domainProblem(String value) {
        try {
            DomainName.parse(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage().substring(0, e.getMessage().indexOf(" encountered with"));
        }
    }

    private static boolean isNumber(String field, int max) {
        try {
            int n = Integer.parseInt(field);
            return n >= 0 && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String fatal(String problem) {
        return "FATAL problem: " + problem;
    }
}
