package io.zonebridge.cli;

import io.zonebridge.route53.RecordValueCodec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses option values checked on the command line itself, so a value out of range is a usage error that names the
 * option and the value as the user typed them ({@code --rate: must be greater than 0, was -1}), never a message from
 * deep inside about a constructor's parameter.
 */
final class OptionValues {

    /** Record types an option may name: those Route 53 supports. */
    static final Set<String> RECORD_TYPES = RecordValueCodec.SUPPORTED_TYPES;

    private OptionValues() {
    }

    /** A number greater than 0. */
    static double positive(CommandSpec spec, String option, String text) {
        double value = number(spec, option, text);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw error(spec, option, "must be greater than 0, was " + text);
        }
        return value;
    }

    /** A share of a whole: greater than 0, at most 1. */
    static double share(CommandSpec spec, String option, String text) {
        double value = number(spec, option, text);
        if (!(value > 0 && value <= 1)) {
            throw error(spec, option, "must be greater than 0 and at most 1, was " + text);
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}. */
    static int whole(CommandSpec spec, String option, String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw error(spec, option, "must be a whole number, was '" + text + "'");
        }
        if (value < min || value > max) {
            throw error(spec, option, "must be from " + min + " to " + max + ", was " + text);
        }
        return value;
    }

    /** Record type mnemonics, upper-cased; every one must be a type Route 53 supports. */
    static List<String> recordTypes(CommandSpec spec, String option, List<String> texts) {
        List<String> types = new ArrayList<>();
        for (String text : texts) {
            String type = text.trim().toUpperCase(Locale.ROOT);
            if (!RECORD_TYPES.contains(type)) {
                throw error(spec, option, "unknown record type '" + text + "' (known: "
                        + String.join(", ", new TreeSet<>(RECORD_TYPES)) + ")");
            }
            types.add(type);
        }
        return types;
    }

    /** A usage error about {@code option}. */
    static ParameterException error(CommandSpec spec, String option, String message) {
        return new ParameterException(spec.commandLine(), option + ": " + message);
    }

    private static double number(CommandSpec spec, String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw error(spec, option, "must be a number, was '" + text + "'");
        }
    }
}
