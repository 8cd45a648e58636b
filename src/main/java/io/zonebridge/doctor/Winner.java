package io.zonebridge.doctor;

import java.util.Comparator;
import java.util.List;

/**
 * Which source answers the query in the VPC, and why. Resolver takes the source with the most specific domain
 * among those in effect; between equally specific ones, Resolver rules win over private hosted zones, and zones over
 * the autodefined reverse rules. A winning SYSTEM rule makes Resolver answer locally: then the most specific source
 * that is not a rule answers.
 *
 * @param rule       the winning source (a SYSTEM rule when one wins)
 * @param answeredBy the source whose answer the client gets
 * @param why        the reason in words
 */
public record Winner(AnswerSource rule, AnswerSource answeredBy, String why) {

    private static final Comparator<AnswerSource> ORDER = Comparator.comparingInt(AnswerSource::specificity)
            .thenComparingInt(s -> s.kind().precedence()).reversed();

    /**
     * Applies the rule to {@code sources}.
     *
     * @throws IllegalArgumentException when none is in effect (the internet resolver always is)
     */
    public static Winner choose(List<AnswerSource> sources) {
        List<AnswerSource> inEffect = sources.stream().filter(AnswerSource::inEffect).sorted(ORDER).toList();
        if (inEffect.isEmpty()) {
            throw new IllegalArgumentException("no source in effect");
        }
        AnswerSource top = inEffect.get(0);
        String why = reason(top, inEffect);
        if (top.kind() != SourceKind.SYSTEM_RULE) {
            return new Winner(top, top, why);
        }
        AnswerSource local = inEffect.stream().filter(s -> !s.kind().isRule()).findFirst().orElseThrow();
        return new Winner(top, local, why + "; a SYSTEM rule makes Resolver answer locally, so the "
                + local.describe() + " answers (" + reason(local, inEffect.stream()
                .filter(s -> !s.kind().isRule()).toList()) + ")");
    }

    private static String reason(AnswerSource top, List<AnswerSource> inEffect) {
        if (inEffect.size() == 1) {
            return "the only source in effect for this name";
        }
        AnswerSource next = inEffect.get(1);
        if (next.specificity() < top.specificity()) {
            return "its domain " + top.domain() + " is the most specific in effect (more specific than the "
                    + next.describe() + ")";
        }
        return "its domain is as specific as the " + next.describe() + ", and a " + top.kind().label()
                + " takes precedence over a " + next.kind().label();
    }
}
