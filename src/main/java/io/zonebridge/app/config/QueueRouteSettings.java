package io.zonebridge.app.config;

import java.time.Duration;

/**
 * How a job's SQS routes (reverse, EC2) take and merge work: the keys {@code debounce}, {@code maxPending},
 * {@code consumers}, {@code waitTime} and {@code visibilityTimeout} of its section in {@code zonebridge.yaml}.
 *
 * @param debounce          work within this window (no new event for that long) becomes one run
 * @param maxPending        at most this many messages wait for one run
 * @param consumers         SQS polling threads
 * @param waitTime          SQS long-poll time (whole seconds, at most 20 s)
 * @param visibilityTimeout how long a message stays invisible while its work is pending (whole seconds, at most 12 h)
 */
public record QueueRouteSettings(Duration debounce, int maxPending, int consumers, Duration waitTime,
                                 Duration visibilityTimeout) {

    /** The keys these settings take from a job's section. */
    public static final String[] KEYS = {"debounce", "maxPending", "consumers", "waitTime", "visibilityTimeout"};

    static QueueRouteSettings from(ConfigNode job) {
        return new QueueRouteSettings(
                ServiceSettings.period(job.get("debounce"), Duration.ofSeconds(2), Duration.ofMillis(1)),
                (int) job.get("maxPending").longValue(20000, 1, 1_000_000),
                (int) job.get("consumers").longValue(2, 1, 64),
                seconds(job.get("waitTime"), Duration.ofSeconds(1), Duration.ofSeconds(20)),
                seconds(job.get("visibilityTimeout"), Duration.ofMinutes(5), Duration.ofHours(12)));
    }

    private static Duration seconds(ConfigNode node, Duration defaultValue, Duration max) {
        Duration value = node.duration().orElse(defaultValue);
        if (value.isNegative() || value.compareTo(max) > 0 || value.toMillis() % 1000 != 0) {
            throw node.error("must be whole seconds between 0s and " + max.toSeconds() + "s, not '"
                    + node.optionalText().orElse("") + "'");
        }
        return value;
    }
}
