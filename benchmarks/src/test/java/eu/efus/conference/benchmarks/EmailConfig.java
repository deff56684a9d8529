package eu.efus.conference.benchmarks;

import static eu.efus.conference.benchmarks.BenchConfig.number;
import static eu.efus.conference.benchmarks.BenchConfig.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the email benchmark, each read from an environment variable or a system property of the same name. The
 * gateway, registration-service and organiser account come from {@link BenchConfig}, shared with the registration
 * benchmark.
 */
record EmailConfig(
        String mailWebUrl,
        int backlog,
        int clients,
        List<Integer> pacedRates,
        int pacedSeconds,
        int ledger,
        int ledgerClients,
        boolean purge,
        int graceSeconds,
        int quietSeconds,
        int maxWaitSeconds) {

    static EmailConfig load() {
        return new EmailConfig(
                text("BENCH_MAIL_WEB_URL", "http://localhost:8025"),
                number("BENCH_EMAIL_BACKLOG", 3000),
                number("BENCH_EMAIL_CLIENTS", 32),
                rates(text("BENCH_EMAIL_RATES", "50,10")),
                number("BENCH_EMAIL_PACED_SECONDS", 30),
                number("BENCH_EMAIL_LEDGER", 0),
                number("BENCH_EMAIL_LEDGER_CLIENTS", 32),
                Boolean.parseBoolean(text("BENCH_EMAIL_PURGE", "true")),
                number("BENCH_EMAIL_GRACE_SECONDS", 60),
                number("BENCH_EMAIL_QUIET_SECONDS", 5),
                number("BENCH_EMAIL_MAX_WAIT_SECONDS", 3600));
    }

    /** One line per setting, printed at the start so a result always says what produced it. */
    Map<String, Object> describe(BenchConfig config) {
        var m = new LinkedHashMap<String, Object>();
        m.put("gateway", config.gatewayUrl());
        m.put("registration-service", config.registrationUrl());
        m.put("mail web inbox", mailWebUrl);
        m.put("backlog", backlog + " registrations, " + clients + " clients (closed workload)");
        m.put("paced", pacedRates + " registrations/s, " + pacedSeconds + " s each (open workload)");
        m.put("ledger", ledger == 0 ? "off" : ledger + " registrations directly to registration-service, " + ledgerClients
                + " clients, then the backlog again");
        m.put("inbox", purge ? "emptied at the start (and while the ledger fill drains)" : "kept");
        m.put("waiting for emails", "until all arrived, or nothing new for " + graceSeconds + " s, at most " + maxWaitSeconds
                + " s; then " + quietSeconds + " s without any new email in the inbox");
        return m;
    }

    private static List<Integer> rates(String value) {
        List<Integer> rates = new ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int rate = Integer.parseInt(part.strip());
                if (rate <= 0) {
                    throw new NumberFormatException();
                }
                rates.add(rate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("BENCH_EMAIL_RATES must be a comma-separated list of whole numbers > 0, got '"
                        + value + "'");
            }
        }
        return List.copyOf(rates);
    }
}
