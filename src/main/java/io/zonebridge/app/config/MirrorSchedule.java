package io.zonebridge.app.config;

import java.time.Duration;
import java.util.Optional;

/**
 * When a zone is mirrored on a schedule: every fixed period, or on a Quartz-style cron expression.
 *
 * @param every period between runs
 * @param cron  cron expression (six or seven fields, seconds first)
 */
public record MirrorSchedule(Optional<Duration> every, Optional<String> cron) {

    static Optional<MirrorSchedule> from(ConfigNode node) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        node.allowOnly("every", "cron");
        Optional<Duration> every = node.get("every").duration();
        Optional<String> cron = node.get("cron").optionalText();
        if (every.isPresent() == cron.isPresent()) {
            throw node.error("give exactly one of every or cron");
        }
        every.ifPresent(d -> {
            if (d.toSeconds() < 1) {
                throw node.get("every").error("must be at least 1s");
            }
        });
        cron.ifPresent(c -> {
            int fields = c.trim().split("\\s+").length;
            if (fields < 6 || fields > 7) {
                throw node.get("cron").error("must have 6 or 7 fields (seconds minutes hours day-of-month month "
                        + "day-of-week [year]), found " + fields + ": '" + c + "'");
            }
            try {
                org.quartz.CronExpression.validateExpression(c);
            } catch (java.text.ParseException e) {
                throw node.get("cron").error("is not a valid Quartz cron expression ('" + c + "'): " + e.getMessage()
                        + " (use ? for day-of-month or day-of-week)");
            }
        });
        return Optional.of(new MirrorSchedule(every, cron));
    }
}
