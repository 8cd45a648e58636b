package io.zonebridge.local;

/** The {@code maxitems} query parameter: default and cap per operation, bad values as InvalidInput. */
public final class MaxItems {
    private MaxItems() {
    }

    /** The page size asked for, capped at {@code max}; {@code max} when absent. */
    public static int parse(String raw, int max) {
        if (raw == null) {
            return max;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return Math.min(value, max);
        } catch (NumberFormatException e) {
            throw ServiceException.invalidInput("1 validation error detected: Value '" + raw
                    + "' at 'maxItems' failed to satisfy constraint: Member must be a positive integer");
        }
    }
}
