package eu.efus.conference.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The email benchmark's table, in the registration benchmark's layout ({@link Summary}): the registrations of each
 * phase, then their emails, then the drain figures of the backlog phases.
 */
final class EmailSummary {

    /** A backlog smaller than this share of the phase's emails leaves too short a drain to time. */
    static final double MIN_BACKLOG_SHARE = 0.10;
    private static final int SLICE_SECONDS = 10;
    private static final int PEAK_SECONDS = 10;

    private EmailSummary() {
    }

    static String render(String runCode, String inboxUrl, EmailConfig mail, List<EmailBenchmark.Phase> phases, EmailBenchmark.Phase fill, String fillOutcome,
            String verdict) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(Summary.DOUBLE_RULE).append('\n');
        out.append("Email benchmark summary (run ").append(runCode).append(", inbox ").append(inboxUrl).append(")\n");
        out.append(Summary.RULE).append('\n');
        // The header's first column is 22 wide: "registrations" in place of "phase".
        out.append("registrations").append(Summary.PHASE_HEADER.substring("registrations".length())).append('\n');
        out.append(Summary.RULE).append('\n');
        for (EmailBenchmark.Phase p : phases) {
            PhaseStats stats = p.stats();
            if (stats.finished()) {
                out.append(Summary.phaseRow(stats, "").stripTrailing()).append('\n');
            }
        }
        out.append(Summary.RULE).append('\n');
        out.append(String.format("%-22s %9s %9s %8s %10s %10s %9s %9s %9s %9s%n", "emails", "expected", "received", "missing",
                "duplicates", "emails/s", "p50 s", "p95 s", "p99 s", "max s"));
        out.append(Summary.RULE).append('\n');
        for (EmailBenchmark.Phase p : phases) {
            if (p == fill) {
                continue;
            }
            Deliveries d = p.deliveries();
            if (d.matched()) {
                out.append(String.format(Locale.ROOT, "%-22s %9d %9d %8d %10d %10.1f %9.2f %9.2f %9.2f %9.2f%n", d.name,
                        d.expected(), d.receivedCount(), d.missing(), d.duplicates(),
                        p.backlog() ? drainRate(d) : d.spanRate(), d.latencySeconds(50), d.latencySeconds(95),
                        d.latencySeconds(99), d.maxLatencySeconds()));
            } else if (p.stats().finished()) {
                out.append(String.format("%-22s %9d  not checked: %s%n", d.name, d.expected(), d.waitOutcome()));
            }
        }
        out.append(Summary.RULE).append('\n');
        for (EmailBenchmark.Phase p : phases) {
            Deliveries d = p.deliveries();
            if (p == fill) {
                out.append(Summary.line(d.name + ":", fillOutcome));
                continue;
            }
            if (!d.matched()) {
                continue;
            }
            if (p.backlog()) {
                out.append(Summary.line(d.name + ": registrations/s vs emails/s:", backlogCheck(d)));
                out.append(Summary.line(d.name + ": drain rate:", drainDescription(d)));
                out.append(Summary.line(d.name + ": all emails in the inbox:", completion(d)));
                out.append(Summary.line(d.name + ": emails/s per " + SLICE_SECONDS + " s:",
                        slices(d)));
            }
            if (!d.stages().isEmpty()) {
                out.append(Summary.line(d.name + ": where the time went:", d.stages()));
            }
            if (d.missing() > 0 || d.duplicates() > 0) {
                out.append(Summary.line("!!! " + d.name + ":", d.missing() + " EMAILS MISSING, " + d.duplicates()
                        + " DUPLICATES (" + d.waitOutcome() + ")"));
            }
            if (d.unexpected() > 0 || d.beforeAnswer() > 0) {
                out.append(Summary.line(d.name + ": also:", (d.unexpected() > 0 ? d.unexpected()
                        + " emails for registrations without a 201 answer; " : "") + (d.beforeAnswer() > 0
                        ? d.beforeAnswer() + " emails received before their 201 answer was read (latency 0)" : "")));
            }
        }
        out.append(Summary.line("email check (exactly one email per 201 answer):", verdict));
        out.append(Summary.RULE).append('\n');
        out.append("CPU time per registration with its email (CPU-ms, from the phase's start until its emails were in the inbox):\n");
        for (EmailBenchmark.Phase p : phases) {
            if (p != fill && p.deliveries().matched() && p.stats().cpuSettled != null) {
                out.append(String.format("  %-20s %s%n", p.deliveries().name,
                        ProcessCpu.describe(p.stats().cpuBefore, p.stats().cpuSettled, p.deliveries().receivedCount())));
            }
        }
        out.append(Summary.RULE).append('\n');
        out.append("emails/s: backlog phases: the drain rate (above); paced phases: emails over the span from the first to the last.\n");
        out.append("p50 .. max s: per registration, the mail server's received time - the moment its 201 answer was read (same\n");
        out.append("clock), over the emails received. Emails/s per 10 s: from the phase's first registration, the last slice\n");
        out.append("divided by its own length.\n");
        out.append(Summary.DOUBLE_RULE).append('\n');
        return out.toString();
    }

    /** The line printed when a phase's emails have been matched. */
    static String oneLine(PhaseStats stats, Deliveries d, boolean backlog) {
        String rate = backlog ? String.format(Locale.ROOT, "drain %.1f emails/s (fastest %d s: %s)", drainRate(d),
                PEAK_SECONDS, peak(d))
                : String.format(Locale.ROOT, "%.1f emails/s over their span", d.spanRate());
        return String.format(Locale.ROOT, "%s: %d of %d emails (%d missing, %d duplicates), %s, latency p50 %.2f s, "
                        + "p95 %.2f s, p99 %.2f s, max %.2f s (%s)", d.name, d.receivedCount(), d.expected(), d.missing(),
                d.duplicates(), rate, d.latencySeconds(50), d.latencySeconds(95), d.latencySeconds(99),
                d.maxLatencySeconds(), d.waitOutcome());
    }

    /** Emails received after the last 201 answer ÷ the time from that answer to the last email. */
    static double drainRate(Deliveries d) {
        int queued = d.receivedCount() - d.arrivedBy(d.lastAnsweredAt());
        double seconds = (d.lastArrival() - d.lastAnsweredAt()) / 1000.0;
        return queued <= 0 || seconds <= 0 ? Double.NaN : queued / seconds;
    }

    private static String drainDescription(Deliveries d) {
        int queued = d.receivedCount() - d.arrivedBy(d.lastAnsweredAt());
        double seconds = (d.lastArrival() - d.lastAnsweredAt()) / 1000.0;
        return String.format(Locale.ROOT, "%.1f emails/s (%,d emails received after the last 201 answer, in the %.1f s "
                + "from it to the last email); fastest %d s: %s", drainRate(d), queued, seconds, PEAK_SECONDS, peak(d));
    }

    /** The most emails in any {@link #PEAK_SECONDS} window, per second. */
    private static String peak(Deliveries d) {
        double peak = d.peakRate(PEAK_SECONDS);
        return Double.isNaN(peak) ? "n/a, the emails spanned less" : String.format(Locale.ROOT, "%.1f emails/s", peak);
    }

    private static String backlogCheck(Deliveries d) {
        double window = (d.lastAnsweredAt() - d.firstSentAt()) / 1000.0;
        int during = d.arrivedBy(d.lastAnsweredAt());
        double registrations = window <= 0 ? Double.NaN : d.expected() / window;
        double emails = window <= 0 ? Double.NaN : during / window;
        int queued = d.expected() - during;
        boolean valid = registrations > emails && queued >= MIN_BACKLOG_SHARE * d.expected();
        return String.format(Locale.ROOT, "%.1f %s %.1f over the %.1f s of registrations; %,d confirmations queued at "
                        + "the last 201 answer: %s", registrations, registrations > emails ? ">" : "<=", emails, window, queued,
                valid ? "a drain rate" : "!!! NOT A DRAIN RATE (the registrations did not outrun the emails by "
                        + Math.round(MIN_BACKLOG_SHARE * 100) + " % of the backlog) !!!");
    }

    private static String completion(Deliveries d) {
        if (d.receivedCount() == 0) {
            return "none arrived";
        }
        return String.format(Locale.ROOT, "%.1f s after the first registration was sent, %.1f s after the last 201 answer",
                (d.lastArrival() - d.firstSentAt()) / 1000.0, (d.lastArrival() - d.lastAnsweredAt()) / 1000.0);
    }

    private static String slices(Deliveries d) {
        return d.slices(SLICE_SECONDS).stream().map(r -> String.format(Locale.ROOT, "%.0f", r))
                .collect(Collectors.joining(" "));
    }
}
