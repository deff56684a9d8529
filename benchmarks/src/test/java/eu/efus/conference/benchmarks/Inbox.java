package eu.efus.conference.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded stack's web inbox ({@code ./run.sh}, port 8025): its JSON API over everything the mail server received.
 * {@code received} is when the mail server stored the message, from the clock of this machine.
 */
final class Inbox {

    /** One message as the list shows it: the bare recipient address and when the mail server received it. */
    record Mail(int index, String address, Instant received, String messageId) {
    }

    private final HttpClient client;
    private final String baseUrl;

    Inbox(HttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String url() {
        return baseUrl;
    }

    /**
     * How many messages the inbox holds. The list would build every message on the server; this asks for single
     * messages by index ({@code GET /api/messages/{n}}: 200 while {@code n} is at most the count, 404 above), from
     * {@code hint} (a count read before) upwards by doubling steps, then by halving, so a call costs a handful of
     * single-message reads and barely loads the server while it is being measured.
     */
    int count(int hint) throws Exception {
        int low = 0;
        if (hint > 0 && exists(hint)) {
            low = hint;
        }
        // Every index up to low exists; find one above it that does not.
        int step = 1;
        int high = low + step;
        while (exists(high)) {
            low = high;
            step *= 2;
            high = low + step;
        }
        while (high - low > 1) {
            int middle = low + (high - low) / 2;
            if (exists(middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Every message with {@code toContains} in its To or Cc (case-insensitive), oldest first. */
    List<Mail> list(String toContains) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/messages?to="
                + URLEncoder.encode(toContains, StandardCharsets.UTF_8))).timeout(Duration.ofMinutes(2)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/messages answered " + response.statusCode());
        }
        List<Mail> mails = new ArrayList<>();
        for (JsonNode m : BenchEvents.JSON.readTree(response.body())) {
            String received = m.path("received").asText(null);
            mails.add(new Mail(m.path("index").asInt(), address(m.path("to").asText("")),
                    received == null ? null : Instant.parse(received), m.path("messageId").asText(null)));
        }
        // The API answers newest first.
        mails.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return mails;
    }

    /** Removes every message from every mailbox. */
    void purge() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/messages"))
                .timeout(Duration.ofSeconds(60)).DELETE());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("DELETE /api/messages answered " + response.statusCode());
        }
    }

    private boolean exists(int index) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/messages/" + index))
                .timeout(Duration.ofSeconds(30)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException("HEAD /api/messages/" + index + " answered " + response.statusCode());
        }
        return response.statusCode() == 200;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code Name <a@b>} or {@code a@b} to {@code a@b}, lower case; the first address when there are several. */
    static String address(String to) {
        String first = to.split(",")[0].strip();
        int open = first.lastIndexOf('<');
        int close = first.lastIndexOf('>');
        String bare = open >= 0 && close > open ? first.substring(open + 1, close) : first;
        return bare.strip().toLowerCase(Locale.ROOT);
    }
}
