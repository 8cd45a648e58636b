package io.zonebridge.plan;

/**
 * Size limits of one ChangeResourceRecordSets request, counted as Route 53 counts them
 * (see {@link ChangeBatcher}).
 *
 * @param maxElements   ResourceRecord elements per request
 * @param maxCharacters value characters per request
 */
public record BatchLimits(int maxElements, int maxCharacters) {

    /** Route 53's limits: 1,000 ResourceRecord elements and 32,000 value characters. */
    public static final BatchLimits ROUTE53 = new BatchLimits(1000, 32000);

    public BatchLimits {
        if (maxElements < 1 || maxCharacters < 1) {
            throw new IllegalArgumentException("batch limits must be positive: " + maxElements + " elements, "
                    + maxCharacters + " characters");
        }
    }
}
