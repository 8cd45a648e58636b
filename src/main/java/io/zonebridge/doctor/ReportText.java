package io.zonebridge.doctor;

import java.util.List;

/** The short text report: the query, the sources with the winner marked, expected and observed, what to fix. */
public final class ReportText {

    private ReportText() {
    }

    /** The report as lines of text. */
    public static String render(DoctorReport report) {
        StringBuilder out = new StringBuilder();
        DoctorReport.Query query = report.query();
        DoctorReport.Vpc vpc = report.vpc();
        out.append("zonebridge doctor: ").append(query.name()).append(' ').append(query.type());
        if (!query.input().equalsIgnoreCase(query.name()) && !(query.input() + ".").equalsIgnoreCase(query.name())) {
            out.append(" (").append(query.input()).append(')');
        }
        out.append(" in ").append(vpc.id()).append(" (").append(vpc.region()).append(")\n");
        out.append("VPC: ").append(String.join(", ", vpc.cidrs())).append("; autodefined reverse ")
                .append(vpc.autodefinedReverse()).append(vpc.dnsHostnames() ? "" : "; DNS host names off");
        if (!vpc.connected().isEmpty()) {
            out.append("; connected: ").append(String.join(", ", vpc.connected()));
        }
        out.append("\n\nSources that could answer (most specific first):\n");
        for (DoctorReport.Source source : report.sources()) {
            out.append(source.answers() ? "  => " : "     ").append(source.kind().label()).append(' ')
                    .append(source.domain()).append(" (").append(source.id()).append("): ").append(source.detail());
            if (!source.inEffect()) {
                out.append(" [not in effect: ").append(source.whyNot()).append(']');
            }
            out.append('\n');
        }
        DoctorReport.Choice winner = report.winner();
        out.append("\nWinner: ").append(winner.kind().label()).append(' ').append(winner.domain()).append(" (")
                .append(winner.id()).append("): ").append(winner.why()).append('\n');
        out.append("Expected: ").append(report.expected().text()).append("  [from ").append(report.expected().basis())
                .append("]\n");
        ObservedAnswer observed = report.observed();
        out.append("Observed: ").append(observed.server()).append(" answered ");
        if (observed.rcode() == null) {
            out.append("nothing (").append(observed.error()).append(')');
        } else {
            out.append(observed.rcode());
            if (!observed.values().isEmpty()) {
                out.append(' ').append(String.join(" ", observed.values()));
            }
        }
        out.append(" in ").append(observed.millis()).append(" ms\n");
        out.append("Outcome: ").append(report.outcome()).append(report.asExpected() ? " (as the winning source "
                + "predicts)" : " (not what the winning source predicts)").append('\n');
        if (!report.endpointChecks().isEmpty()) {
            out.append("\nOutbound endpoint checks:\n");
            for (EndpointCheck check : report.endpointChecks()) {
                out.append(check.ok() ? "  ok   " : "  FAIL ").append(check.check()).append(": ")
                        .append(check.detail()).append('\n');
            }
        }
        List<Finding> findings = report.findings();
        if (!findings.isEmpty()) {
            out.append("\nWhat to fix:\n");
            for (int i = 0; i < findings.size(); i++) {
                out.append("  ").append(i + 1).append(". ").append(findings.get(i).problem()).append('\n')
                        .append("     fix: ").append(findings.get(i).fix()).append('\n');
            }
        }
        out.append("\nResult: ").append(report.healthy() ? "OK, the lookup answers as expected" : "PROBLEM")
                .append(" (exit ").append(report.exitCode()).append(")\n");
        return out.toString();
    }
}
