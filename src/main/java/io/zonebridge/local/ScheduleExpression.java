package io.zonebridge.local;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(value unit)} (unit {@code minute}/{@code hour}/{@code day} for a
 * value of 1, the plural otherwise, as EventBridge demands) or {@code cron(six fields)}. Only rates are fired.
 */
final class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(\\S+( \\S+){5}\\)");

    private ScheduleExpression() {
    }

    /** Checks {@code expression}; ValidationException when it is neither a valid rate nor a cron expression. */
    static void validate(String expression) {
        if (CRON.matcher(expression).matches()) {
            return;
        }
        Matcher m = RATE.matcher(expression);
        boolean singular = m.matches() && !m.group(2).endsWith("s");
        if (!m.matches() || Long.parseLong(m.group(1)) < 1 || singular != m.group(1).equals("1")) {
            throw EventsValidation.validation("Parameter ScheduleExpression is not valid.");
        }
    }

    /** The period of a rate expression in minutes, or empty for a cron expression. */
    static Optional<Duration> ratePeriodMinutes(String expression) {
        Matcher m = RATE.matcher(expression);
        if (!m.matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2).charAt(0)) {
            case 'm' -> Duration.ofMinutes(value);
            case 'h' -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        });
    }
}
