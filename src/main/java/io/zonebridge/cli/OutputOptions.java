package io.zonebridge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Locale;

/** How a plan is printed (a mixin of {@code plan} and {@code apply}): {@code --output}, with {@code --json} its alias. */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private PlanReport.Format format = PlanReport.Format.TEXT;
    private boolean json;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, or markdown (a table for a pull-request comment) (default: ${DEFAULT-VALUE}).")
    void output(String text) {
        try {
            format = PlanReport.Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OptionValues.error(spec, "--output", "must be text, json or markdown, was '" + text + "'");
        }
    }

    @Option(names = "--json", description = "Same as --output json.")
    void json(boolean value) {
        json = value;
    }

    /** The format asked for. */
    PlanReport.Format format() {
        if (json && format == PlanReport.Format.MARKDOWN) {
            throw OptionValues.error(spec, "--json", "conflicts with --output " + format.name().toLowerCase(Locale.ROOT));
        }
        return json ? PlanReport.Format.JSON : format;
    }
}
