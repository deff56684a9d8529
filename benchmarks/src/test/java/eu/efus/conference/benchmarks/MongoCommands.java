package eu.efus.conference.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads registration-service's MongoDB command counters (Micrometer) from its Prometheus endpoint. */
final class MongoCommands {

    static final String METRIC = "mongodb_driver_commands_seconds_count";
    private static final Pattern COMMAND = Pattern.compile("[{,]command=\"([^\"]*)\"");
    private static final Pattern COLLECTION = Pattern.compile("[{,]collection=\"([^\"]*)\"");

    /**
     * Command counts at one moment, by command name and by "collection command"; {@code available} is false when the
     * metric was not exposed.
     */
    record Snapshot(boolean available, String problem, Map<String, Double> byCommand, Map<String, Double> byCollection) {
    }

    private final HttpClient client;
    private final URI endpoint;

    MongoCommands(HttpClient client, String serviceUrl) {
        this.client = client;
        this.endpoint = URI.create(serviceUrl + "/actuator/prometheus");
    }

    Snapshot read() {
        String body;
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Snapshot(false, endpoint + " answered " + response.statusCode(), Map.of(), Map.of());
            }
            body = response.body();
        } catch (Exception e) {
            return new Snapshot(false, endpoint + ": " + e, Map.of(), Map.of());
        }
        Map<String, Double> byCommand = new TreeMap<>();
        Map<String, Double> byCollection = new TreeMap<>();
        for (String line : body.split("\n")) {
            if (!line.startsWith(METRIC + "{")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String labels = line.substring(0, close + 1);
            Matcher m = COMMAND.matcher(labels);
            String command = m.find() ? m.group(1) : "?";
            Matcher c = COLLECTION.matcher(labels);
            String collection = c.find() ? c.group(1) : "?";
            double count = Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]);
            // Summed over status and server tags: the question is how many round trips, whatever their outcome.
            byCommand.merge(command, count, Double::sum);
            byCollection.merge(collection + " " + command, count, Double::sum);
        }
        if (byCommand.isEmpty()) {
            return new Snapshot(false, METRIC + " is not exposed at " + endpoint, Map.of(), Map.of());
        }
        return new Snapshot(true, null, byCommand, byCollection);
    }

    /**
     * Commands per successful registration between two snapshots, by command name, largest first, with "total"
     * first; empty when either snapshot lacks the metric.
     */
    static Map<String, Double> perRegistration(Snapshot before, Snapshot after, long registrations) {
        return perRegistration(before, after, registrations, false);
    }

    /** As {@link #perRegistration(Snapshot, Snapshot, long)}, keyed by "collection command" when {@code byCollection}. */
    static Map<String, Double> perRegistration(Snapshot before, Snapshot after, long registrations, boolean byCollection) {
        if (before == null || after == null || !before.available() || !after.available() || registrations == 0) {
            return Map.of();
        }
        Map<String, Double> was = byCollection ? before.byCollection() : before.byCommand();
        Map<String, Double> now = byCollection ? after.byCollection() : after.byCommand();
        Map<String, Double> delta = new TreeMap<>();
        now.forEach((command, count) -> {
            double d = count - was.getOrDefault(command, 0.0);
            if (d > 0) {
                delta.put(command, d / registrations);
            }
        });
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("total", delta.values().stream().mapToDouble(Double::doubleValue).sum());
        delta.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
