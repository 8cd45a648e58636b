package io.zonebridge.app.monitoring;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;

/**
 * The Prometheus registry Camel serves at {@code /observe/metrics} (bound as
 * {@value ZonebridgeMonitoring#METER_REGISTRY}, so Camel uses it instead of making its own), writing the samples of
 * the named metric families as whole numbers: Prometheus text has only doubles and writes them with
 * {@link Double#toString}, so a zone serial such as 2026112302 would read {@code 2.026112302E9}. A value that is not
 * a whole number (NaN, say) is left as it is.
 */
public final class WholeNumberPrometheusRegistry extends PrometheusMeterRegistry {

    /** The metric families written as whole numbers, by their Prometheus name. */
    public static final Set<String> WHOLE_NUMBER_FAMILIES = Set.of("zonebridge_zone_serial");

    /** Largest magnitude a double holds exactly as a whole number (2^53). */
    private static final double EXACT = 9_007_199_254_740_992d;

    public WholeNumberPrometheusRegistry() {
        super(PrometheusConfig.DEFAULT);
    }

    @Override
    public String scrape() {
        return wholeNumbers(super.scrape());
    }

    @Override
    public String scrape(String contentType) {
        return wholeNumbers(super.scrape(contentType));
    }

    @Override
    public String scrape(String contentType, Set<String> includedNames) {
        return wholeNumbers(super.scrape(contentType, includedNames));
    }

    /** {@code exposition} with the samples of {@link #WHOLE_NUMBER_FAMILIES} written as whole numbers. */
    static String wholeNumbers(String exposition) {
        StringBuilder out = new StringBuilder(exposition.length());
        int start = 0;
        while (start < exposition.length()) {
            int end = exposition.indexOf('\n', start);
            end = end < 0 ? exposition.length() : end + 1;
            out.append(rewrite(exposition.substring(start, end)));
            start = end;
        }
        return out.toString();
    }

    private static String rewrite(String line) {
        if (line.startsWith("#")) {
            return line;
        }
        int nameEnd = 0;
        while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
            nameEnd++;
        }
        if (!WHOLE_NUMBER_FAMILIES.contains(line.substring(0, nameEnd))) {
            return line;
        }
        int valueStart = line.lastIndexOf('}') + 1;
        valueStart = valueStart > 0 ? valueStart : nameEnd;
        while (valueStart < line.length() && line.charAt(valueStart) == ' ') {
            valueStart++;
        }
        int valueEnd = valueStart;
        while (valueEnd < line.length() && !Character.isWhitespace(line.charAt(valueEnd))) {
            valueEnd++;
        }
        double value;
        try {
            value = Double.parseDouble(line.substring(valueStart, valueEnd));
        } catch (NumberFormatException e) {
            return line;
        }
        if (Double.isNaN(value) || value != Math.rint(value) || Math.abs(value) > EXACT) {
            return line;
        }
        return line.substring(0, valueStart) + (long) value + line.substring(valueEnd);
    }
}
