package eu.efus.conference.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end-of-run table: every figure in it comes from this run's measurements. Also the table's shared parts (frame,
 * one row per phase, labelled lines), the progress lines and the file the table is written to, for every benchmark
 * of the module.
 */
final class Summary {

    static final int WIDTH = 118;
    static final String RULE = "-".repeat(WIDTH);
    static final String DOUBLE_RULE = "=".repeat(WIDTH);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** The header of a table of {@link #phaseRow(PhaseStats, String)} lines. */
    static final String PHASE_HEADER = String.format("%-22s %-14s %9s %7s %10s %9s %9s %9s  %s", "phase", "load", "requests",
            "errors", "success/s", "p50 ms", "p95 ms", "p99 ms", "").stripTrailing();

    private Summary() {
    }

    static String render(BenchConfig config, String eventCode, PhaseStats bare, List<PhaseStats> phases, PhaseStats empty,
            PhaseStats full, PhaseStats high, String oversellVerdict, long mainCreated, long seatsTaken) {
        StringBuilder out = new StringBuilder();
        String rule = RULE;
        out.append('\n').append(DOUBLE_RULE).append('\n');
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
        out.append(rule).append('\n');
        out.append("CPU time per registration, by process (CPU-ms; does not depend on other load, unlike the rates):\n");
        if (bare != null && bare.finished()) {
            out.append(String.format("  %-20s %s%n", bare.name, bare.cpu()));
        }
        for (PhaseStats phase : phases) {
            if (phase.finished() && !phase.name.startsWith("oversell")) {
                out.append(String.format("  %-20s %s%n", phase.name, phase.cpu()));
            }
        }
        out.append(DOUBLE_RULE).append('\n');
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
        return phaseRow(phase, bare == null ? "" : ratio(phase, bare));
    }

    /** One phase: name, load, requests, errors, successes per second, p50 / p95 / p99 in ms, then {@code extra}. */
    static String phaseRow(PhaseStats phase, String extra) {
        return String.format("%-22s %-14s %9d %7d %10.1f %9.1f %9.1f %9.1f  %s", phase.name, phase.load, phase.requests(),
                phase.errors(), phase.successesPerSecond(), phase.percentileMillis(50), phase.percentileMillis(95),
                phase.percentileMillis(99), extra);
    }

    /** A labelled line below a table: the label in 58 columns, then the value. */
    static String line(String label, Object value) {
        return String.format("%-58s %s%n", label, value);
    }

    /** A progress line, with the time of day (always with seconds, also on the minute). */
    static void say(String line) {
        System.out.println("[" + LocalTime.now().format(TIME_OF_DAY) + "] " + line);
    }

    /** Writes {@code text} to {@code fileName} in the module's target directory; returns the file. */
    static Path write(String fileName, String text) {
        Path file = targetDirectory().resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's target directory (the parent of target/test-classes), whatever directory Maven was started from. */
    private static Path targetDirectory() {
        try {
            Path classes = Path.of(Summary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent() != null ? classes.getParent() : Path.of("target");
        } catch (Exception e) {
            return Path.of("target");
        }
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
