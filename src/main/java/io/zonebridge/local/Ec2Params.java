package io.zonebridge.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of one EC2 Query request ({@code Action=RunInstances&InstanceId.1=...&Filter.1.Name=...}), with
 * the indexed lists of the EC2 Query protocol read in index order.
 */
public final class Ec2Params {
    private final Map<String, String> values;

    /** The parameters {@code values} (names as sent). */
    public Ec2Params(Map<String, String> values) {
        this.values = values;
    }

    /** The value of {@code name}, or null. */
    public String get(String name) {
        return values.get(name);
    }

    /** The value of {@code name}, or an EC2 {@code MissingParameter} error. */
    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new ServiceException(400, "MissingParameter",
                    "The request must contain the parameter " + name);
        }
        return value;
    }

    /** The boolean {@code name} (true/false), or {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ServiceException(400, "InvalidParameterValue",
                    "Value (" + value + ") for parameter " + name + " is invalid. Expected: 'true' or 'false'.");
        }
        return Boolean.parseBoolean(value);
    }

    /** The integer {@code name}, or {@code fallback} when absent. */
    public int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ServiceException(400, "InvalidParameterValue",
                    "Value (" + value + ") for parameter " + name + " is invalid. Expected an integer.");
        }
    }

    /** The values of {@code prefix.1}, {@code prefix.2}, ... in index order. */
    public List<String> list(String prefix) {
        Map<Integer, String> found = new TreeMap<>();
        String start = prefix + ".";
        values.forEach((name, value) -> {
            if (name.startsWith(start)) {
                Integer index = index(name.substring(start.length()));
                if (index != null) {
                    found.put(index, value);
                }
            }
        });
        return new ArrayList<>(found.values());
    }

    /** The structures {@code prefix.N.*} in index order, each with the names below {@code prefix.N.}. */
    public List<Ec2Params> members(String prefix) {
        Map<Integer, Map<String, String>> found = new TreeMap<>();
        String start = prefix + ".";
        values.forEach((name, value) -> {
            if (name.startsWith(start)) {
                String rest = name.substring(start.length());
                int dot = rest.indexOf('.');
                Integer index = dot < 0 ? null : index(rest.substring(0, dot));
                if (index != null) {
                    found.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
                }
            }
        });
        return found.values().stream().map(Ec2Params::new).toList();
    }

    /** The tags {@code prefix.N.Key}/{@code prefix.N.Value} in order (a missing value is the empty string). */
    public Map<String, String> tags(String prefix) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Ec2Params tag : members(prefix)) {
            String key = tag.get("Key");
            if (key == null) {
                throw new ServiceException(400, "InvalidParameterValue", "Tag key must not be empty");
            }
            tags.put(key, tag.get("Value") == null ? "" : tag.get("Value"));
        }
        return tags;
    }

    private static Integer index(String text) {
        try {
            int i = Integer.parseInt(text);
            return i > 0 ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
