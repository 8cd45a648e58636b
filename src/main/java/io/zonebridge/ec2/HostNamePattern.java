package io.zonebridge.ec2;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an instance's host name (the part in front of the zone name) from a list of alternative
 * templates; the first alternative whose placeholders all have values wins.
 *
 * <p>Placeholders:
 * <ul>
 *   <li>{@code {tag:KEY}} – the value of the instance's tag {@code KEY} (absent or blank: the alternative fails);</li>
 *   <li>{@code {a}} {@code {b}} {@code {c}} {@code {d}} – the four octets of the primary private IPv4 address
 *       (no such address: the alternative fails);</li>
 *   <li>{@code {instance-id}} – the instance id, such as {@code i-0abc1234def567890}.</li>
 * </ul>
 * The result is lower-cased; every run of characters other than {@code a-z 0-9 - .} becomes one {@code -},
 * and leading or trailing {@code - .} are dropped, so a Name tag {@code "Web Server #1"} gives
 * {@code web-server-1}. Dots separate labels ({@code {tag:Role}.{tag:Name}}). A result that is empty or
 * has an empty or over-long label fails the alternative. The default is {@code {tag:Name}} falling back to
 * {@code ip-{a}-{b}-{c}-{d}}, the EC2 style name.
 */
public final class HostNamePattern {

    /** The default alternatives. */
    public static final List<String> DEFAULT = List.of("{tag:Name}", "ip-{a}-{b}-{c}-{d}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern NOT_HOST_CHARS = Pattern.compile("[^a-z0-9.-]+");

    private final List<String> alternatives;

    /** A pattern of the given alternatives, tried in order; placeholders are checked here. */
    public HostNamePattern(List<String> alternatives) {
        if (alternatives == null || alternatives.isEmpty()) {
            throw new IllegalArgumentException("host name pattern needs at least one alternative");
        }
        for (String alt : alternatives) {
            Matcher m = PLACEHOLDER.matcher(alt);
            while (m.find()) {
                String p = m.group(1);
                if (!p.startsWith("tag:") && !List.of("a", "b", "c", "d", "instance-id").contains(p)) {
                    throw new IllegalArgumentException("host name pattern '" + alt + "': unknown placeholder {" + p
                            + "} (known: {tag:KEY}, {a}, {b}, {c}, {d}, {instance-id})");
                }
            }
        }
        this.alternatives = List.copyOf(alternatives);
    }

    /** The tag keys the alternatives refer to ({@code {tag:KEY}}). */
    public Set<String> tagKeys() {
        Set<String> keys = new TreeSet<>();
        for (String alt : alternatives) {
            Matcher m = PLACEHOLDER.matcher(alt);
            while (m.find()) {
                if (m.group(1).startsWith("tag:")) {
                    keys.add(m.group(1).substring(4));
                }
            }
        }
        return keys;
    }

    /** The host name for the instance, or empty when no alternative can be rendered. */
    public Optional<String> render(InstanceDescription instance) {
        for (String alt : alternatives) {
            Optional<String> name = renderOne(alt, instance).map(HostNamePattern::sanitise).filter(HostNamePattern::valid);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> renderOne(String alt, InstanceDescription instance) {
        Matcher m = PLACEHOLDER.matcher(alt);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> value = value(m.group(1), instance);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    private static Optional<String> value(String placeholder, InstanceDescription instance) {
        if (placeholder.startsWith("tag:")) {
            return instance.tag(placeholder.substring(4));
        }
        if ("instance-id".equals(placeholder)) {
            return Optional.of(instance.instanceId());
        }
        int octet = "abcd".indexOf(placeholder);
        return instance.primaryPrivateIpv4().map(ip -> ip.split("\\.")).filter(parts -> parts.length == 4)
                .map(parts -> parts[octet]);
    }

    private static String sanitise(String raw) {
        String s = NOT_HOST_CHARS.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("-");
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '-' || s.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean valid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        return List.of(name.split("\\.", -1)).stream().allMatch(l -> !l.isEmpty() && l.length() <= 63);
    }

    @Override
    public String toString() {
        return String.join(" | ", alternatives);
    }
}
