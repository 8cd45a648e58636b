package io.zonebridge.doctor;

import java.util.regex.Pattern;

/** How the observed answer compares with the expected one. */
public enum Outcome {
    /** NOERROR with exactly the expected values. */
    MATCH,
    /** NOERROR with values, and nothing to compare them with (forwarding targets, public DNS). */
    ANSWERED,
    /** NOERROR with other values than expected. */
    DIFFERENT,
    /** NOERROR with no value of the query type. */
    NODATA,
    /** The name does not exist. */
    NXDOMAIN,
    /** The resolver could not get an answer. */
    SERVFAIL,
    /** Another response code (REFUSED, FORMERR, ...). */
    OTHER_RCODE,
    /** No response within the timeout. */
    TIMEOUT,
    /** The resolver could not be asked at all. */
    UNREACHABLE;

    private static final Pattern AUTODEFINED_NAME = Pattern.compile("ip-\\d+-\\d+-\\d+-\\d+\\..*");

    /** Classifies {@code observed} against {@code expected}. */
    public static Outcome classify(ExpectedAnswer expected, ObservedAnswer observed) {
        if (observed.rcode() == null) {
            return observed.timedOut() ? TIMEOUT : UNREACHABLE;
        }
        return switch (observed.rcode()) {
            case "NXDOMAIN" -> NXDOMAIN;
            case "SERVFAIL" -> SERVFAIL;
            case "NOERROR" -> {
                if (observed.values().isEmpty()) {
                    yield NODATA;
                }
                if (!expected.known()) {
                    yield ANSWERED;
                }
                yield observed.values().equals(expected.values()) ? MATCH : DIFFERENT;
            }
            default -> OTHER_RCODE;
        };
    }

    /** Whether {@code observed} is what {@code expected} predicts (NXDOMAIN and NODATA included). */
    public static boolean asExpected(Outcome outcome, ExpectedAnswer expected, ObservedAnswer observed) {
        if (expected.known()) {
            return switch (outcome) {
                case MATCH -> true;
                case NXDOMAIN -> expected.rcode().equals("NXDOMAIN");
                case NODATA -> expected.rcode().equals("NOERROR") && expected.values().isEmpty();
                default -> false;
            };
        }
        if (expected.source() == SourceKind.AUTODEFINED_REVERSE) {
            return outcome == NXDOMAIN || (outcome == ANSWERED
                    && observed.values().stream().allMatch(v -> AUTODEFINED_NAME.matcher(v).matches()));
        }
        return outcome == ANSWERED;
    }
}
