package io.zonebridge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --rate}: Route 53 requests per second for the account (a mixin of every command that calls Route 53). */
public final class RateOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private double perSecond;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "5",
            description = "Route 53 requests per second for this account, greater than 0 (default: ${DEFAULT-VALUE}).")
    void rate(String text) {
        perSecond = OptionValues.positive(spec, "--rate", text);
    }

    /** The rate asked for. */
    double perSecond() {
        return perSecond;
    }
}
