package eu.efus.conference.benchmarks;

import java.util.Map;

/** Benchmark settings, each read from an environment variable or a system property of the same name. */
record BenchConfig(
        String gatewayUrl,
        String registrationUrl,
        String mongoUri,
        String kafkaBootstrap,
        String organizerUser,
        String organizerPassword,
        int clients,
        int highClients,
        int warmupSeconds,
        int durationSeconds,
        int fillTarget,
        int fillClients,
        boolean fillThroughGateway,
        int bareThreads,
        int bareWarmupSeconds,
        int bareSeconds,
        int oversellCapacity,
        int oversellBurst) {

    static BenchConfig load() {
        return new BenchConfig(
                text("BENCH_GATEWAY_URL", "http://localhost:8080"),
                text("BENCH_REGISTRATION_URL", "http://localhost:8081"),
                text("BENCH_MONGO_URI", "mongodb://localhost:27017"),
                text("BENCH_KAFKA_BOOTSTRAP", "localhost:9092"),
                text("BENCH_ORGANIZER_USER", "organizer"),
                text("BENCH_ORGANIZER_PASSWORD", "demo-organizer"),
                number("BENCH_CLIENTS", 32),
                number("BENCH_HIGH_CLIENTS", 128),
                number("BENCH_WARMUP_SECONDS", 10),
                number("BENCH_DURATION_SECONDS", 30),
                number("BENCH_FILL", 20_000),
                number("BENCH_FILL_CLIENTS", 32),
                Boolean.parseBoolean(text("BENCH_FILL_THROUGH_GATEWAY", "false")),
                number("BENCH_BARE_THREADS", 16),
                number("BENCH_BARE_WARMUP_SECONDS", 3),
                number("BENCH_BARE_SECONDS", 20),
                number("BENCH_OVERSELL_CAPACITY", 60),
                number("BENCH_OVERSELL_BURST", 200));
    }

    /** One line per setting, printed at the start so a result always says what produced it. */
    Map<String, Object> describe() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("gateway", gatewayUrl);
        m.put("registration-service", registrationUrl);
        m.put("mongodb", mongoUri);
        m.put("kafka", kafkaBootstrap);
        m.put("clients", clients + " then " + highClients + " (closed workload)");
        m.put("warm-up / phase", warmupSeconds + " s / " + durationSeconds + " s");
        m.put("fill", fillTarget + " registrations, " + fillClients + " clients, "
                + (fillThroughGateway ? "through the gateway" : "directly to registration-service"));
        m.put("bare limit", bareThreads + " threads, " + bareWarmupSeconds + " s warm-up + " + bareSeconds + " s");
        m.put("oversell burst", oversellBurst + " registrations for " + oversellCapacity + " seats");
        return m;
    }

    static String text(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int number(String name, int fallback) {
        String value = text(name, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number >= 0, got '" + value + "'");
        }
    }
}
