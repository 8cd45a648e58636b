package io.zonebridge.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the document shows a command printing, matched against what it printed: line by line, trailing blanks
 * and trailing empty lines aside. A line {@code ...} stands for any number of lines, {@code ...} inside a line for
 * any text (times, say). Ids are volatile too, so an AWS resource id ({@code vpc-}, {@code subnet-},
 * {@code rslvr-rr-}, ... and 8 to 17 hex digits) or a Route 53 id ({@code Z} or {@code C} and 13 to 32 upper-case
 * letters and digits) matches any id of the same prefix, consistently ({@link IdBindings}).
 */
final class ExpectedOutput {
    static final String ANY = "...";
    private static final Pattern VOLATILE = Pattern.compile(
            "\\.\\.\\.|\\b((?:[a-z]+-)+)[0-9a-f]{8,17}\\b|\\b([ZC])(?=[0-9A-Z]*[0-9])[0-9A-Z]{12,31}\\b");

    private final List<String> lines;

    ExpectedOutput(List<String> lines) {
        this.lines = trimmed(lines);
    }

    /** The bindings grown by matching {@code actual}, or empty when {@code actual} is not what is shown. */
    Optional<IdBindings> match(List<String> actual, IdBindings bindings) {
        return match(0, trimmed(actual), 0, bindings);
    }

    private Optional<IdBindings> match(int expected, List<String> actual, int at, IdBindings bindings) {
        if (expected == lines.size()) {
            return at == actual.size() ? Optional.of(bindings) : Optional.empty();
        }
        String line = lines.get(expected);
        if (line.equals(ANY)) {
            for (int skip = at; skip <= actual.size(); skip++) {
                Optional<IdBindings> rest = match(expected + 1, actual, skip, bindings);
                if (rest.isPresent()) {
                    return rest;
                }
            }
            return Optional.empty();
        }
        if (at == actual.size()) {
            return Optional.empty();
        }
        return matchLine(line, actual.get(at), bindings)
                .flatMap(bound -> match(expected + 1, actual, at + 1, bound));
    }

    /** One shown line against one printed line. */
    static Optional<IdBindings> matchLine(String shown, String printed, IdBindings bindings) {
        StringBuilder regex = new StringBuilder();
        List<String> ids = new ArrayList<>();
        Matcher parts = VOLATILE.matcher(shown);
        int from = 0;
        while (parts.find()) {
            regex.append(Pattern.quote(shown.substring(from, parts.start())));
            if (parts.group().equals(ANY)) {
                regex.append(".*?");
            } else if (parts.group(1) != null) {
                regex.append('(').append(Pattern.quote(parts.group(1))).append("[0-9a-f]{8,17})");
                ids.add(parts.group());
            } else {
                regex.append('(').append(parts.group(2)).append("[0-9A-Z]{12,31})");
                ids.add(parts.group());
            }
            from = parts.end();
        }
        regex.append(Pattern.quote(shown.substring(from)));
        Matcher line = Pattern.compile(regex.toString()).matcher(printed);
        if (!line.matches()) {
            return Optional.empty();
        }
        Optional<IdBindings> bound = Optional.of(bindings);
        for (int i = 0; i < ids.size() && bound.isPresent(); i++) {
            String documented = ids.get(i);
            String actual = line.group(i + 1);
            bound = bound.get().bind(documented, actual);
        }
        return bound;
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
