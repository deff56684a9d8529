package eu.efus.conference.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The end-of-run table: every figure in it comes from this run's measurements. */
final class Summary {

    private Summary() {
    }

    static String render(BenchConfig config, String eventCode, PhaseStats bare, List<PhaseStats> phases, PhaseStats empty,
            PhaseStats full, PhaseStats high, String oversellVerdict, long mainCreated, long seatsTaken) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(118);
        out.append('\n').append("=".repeat(118)).append('\n');
        out.append("Registration benchmark summary (event ").append(eventCode).append(")\n");
        out.append(rule).append('\n');
        out.append(String.format("%-22s %-14s %9s %7s %10s %9s %9s %9s  %s%n", "phase", "load", "requests", "errors",
                "success/s", "p50 ms", "p95 ms", "p99 ms", "vs bare limit"));
        out.append(rule).append('\n');
        if (bare != null) {
            out.append(row(bare, null)).append('\n');
        }
        for (PhaseStats phase : phases) {
            if (phase.finished()) {
                out.append(row(phase, bare)).append('\n');
            }
        }
        out.append(rule).append('\n');
        out.append(String.format("%-58s %s%n", "registrations/s, empty event / bare limit:",
                ratio(empty, bare)));
        out.append(String.format("%-58s %s%n", "registrations/s, event at " + String.format("%,d", config.fillTarget())
                + " / empty event:", ratio(full, empty)));
        out.append(String.format("%-58s %s%n", "registrations/s, " + config.highClients() + " clients / " + config.clients()
                + " clients (both at " + String.format("%,d", config.fillTarget()) + "):", ratio(high, full)));
        for (PhaseStats phase : phases) {
            if (phase.errors() > 0) {
                out.append(String.format("%-58s %s%n", "errors, " + phase.name + ":", phase.errorKinds()));
            }
        }
        out.append(String.format("%-58s %s%n", "oversell check:", oversellVerdict));
        out.append(String.format("%-58s %s%n", "main event: 201 answers / workshop seats taken (read back):",
                mainCreated + " / " + (seatsTaken < 0 ? "n/a" : seatsTaken)
                        + (seatsTaken >= 0 && seatsTaken > BenchEvents.WORKSHOP_CAPACITY ? "  OVERSOLD" : "")));
        out.append(rule).append('\n');
        out.append("MongoDB commands per registration (registration-service, ").append(MongoCommands.METRIC).append("):\n");
        for (PhaseStats phase : phases) {
            if (!phase.finished() || phase.name.startsWith("oversell")) {
                continue;
            }
            out.append(String.format("  %-20s %s%n", phase.name, commands(phase)));
            String detail = byCollection(phase);
            if (!detail.isEmpty()) {
                out.append(String.format("  %-20s %s%n", "", detail));
            }
        }
        out.append("=".repeat(118)).append('\n');
        return out.toString();
    }

    private static String byCollection(PhaseStats phase) {
        Map<String, Double> per = MongoCommands.perRegistration(phase.commandsBefore, phase.commandsAfter, phase.successes(), true);
        if (per.isEmpty()) {
            return "";
        }
        return per.entrySet().stream().filter(e -> !e.getKey().equals("total") && e.getValue() >= 0.01)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", ", "by collection: ", ""));
    }

    private static String row(PhaseStats phase, PhaseStats bare) {
        return String.format("%-22s %-14s %9d %7d %10.1f %9.1f %9.1f %9.1f  %s", phase.name, phase.load, phase.requests(),
                phase.errors(), phase.successesPerSecond(), phase.percentileMillis(50), phase.percentileMillis(95),
                phase.percentileMillis(99), bare == null ? "" : ratio(phase, bare));
    }

    private static String ratio(PhaseStats numerator, PhaseStats denominator) {
        if (numerator == null || denominator == null || !numerator.finished() || !denominator.finished()
                || denominator.successesPerSecond() == 0) {
            return "n/a";
        }
        return String.format("%.2f", numerator.successesPerSecond() / denominator.successesPerSecond());
    }

    private static String commands(PhaseStats phase) {
        if (phase.commandsBefore == null || phase.commandsAfter == null) {
            return "n/a (not read)";
        }
        if (!phase.commandsBefore.available() || !phase.commandsAfter.available()) {
            String problem = !phase.commandsAfter.available() ? phase.commandsAfter.problem() : phase.commandsBefore.problem();
            return "n/a (" + problem + ")";
        }
        Map<String, Double> per = MongoCommands.perRegistration(phase.commandsBefore, phase.commandsAfter, phase.successes());
        if (per.isEmpty()) {
            return "n/a (no registration in this phase)";
        }
        String total = String.format("total %.2f", per.get("total"));
        String parts = per.entrySet().stream().filter(e -> !e.getKey().equals("total"))
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return total + " (" + parts + ")";
    }
}
