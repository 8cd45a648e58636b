package io.zonebridge.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code Filter.N.Name}/{@code Filter.N.Value.M} of an EC2 Describe call: a resource matches when every
 * filter has a value equal to one of the resource's values for that name ({@code *} and {@code ?} are wildcards, as
 * in EC2). {@code tag:KEY} and {@code tag-key} work on every resource; a name the resource type does not know is
 * EC2's {@code InvalidParameterValue}.
 */
public final class Ec2Filters {
    private record Filter(String name, List<Pattern> values) {
    }

    private final List<Filter> filters = new ArrayList<>();

    /** The filters of {@code params}. */
    public Ec2Filters(Ec2Params params) {
        for (Ec2Params filter : params.members("Filter")) {
            String name = filter.get("Name");
            if (name == null) {
                throw new ServiceException(400, "InvalidParameterValue", "The filter 'null' is invalid");
            }
            filters.add(new Filter(name, filter.list("Value").stream().map(Ec2Filters::glob).toList()));
        }
    }

    /**
     * Whether the resource matches.
     *
     * @param attributes the resource's values for a filter name (null: the name is unknown for this type)
     * @param tags       the resource's tags
     */
    public boolean matches(Function<String, List<String>> attributes, Map<String, String> tags) {
        for (Filter filter : filters) {
            List<String> values;
            if (filter.name().startsWith("tag:")) {
                String value = tags.get(filter.name().substring(4));
                values = value == null ? List.of() : List.of(value);
            } else if (filter.name().equals("tag-key")) {
                values = List.copyOf(tags.keySet());
            } else {
                values = attributes.apply(filter.name());
                if (values == null) {
                    throw new ServiceException(400, "InvalidParameterValue",
                            "The filter '" + filter.name() + "' is invalid");
                }
            }
            if (values.stream().noneMatch(v -> v != null
                    && filter.values().stream().anyMatch(p -> p.matcher(v).matches()))) {
                return false;
            }
        }
        return true;
    }

    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
