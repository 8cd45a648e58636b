package io.zonebridge.doctor;

import java.util.List;

/**
 * What a resolver actually answered: its response code and values, or that it did not answer.
 *
 * @param server  the resolver asked, {@code host:port}
 * @param rcode   NOERROR, NXDOMAIN, SERVFAIL, ... or null when there was no answer
 * @param values  the values of the query type in the answer, sorted, lower case
 * @param answer  every record of the answer section as text
 * @param millis  how long the query took
 * @param error   why there was no answer (timeout, unreachable), else null
 */
public record ObservedAnswer(String server, String rcode, List<String> values, List<String> answer, long millis,
                             String error) {

    /** Whether the resolver gave no answer within the timeout. */
    public boolean timedOut() {
        return rcode == null && error != null && error.startsWith("timeout");
    }
}
