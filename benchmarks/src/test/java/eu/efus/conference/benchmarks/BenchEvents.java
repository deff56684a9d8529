package eu.efus.conference.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/** The events a run creates through the organiser API, and the JSON the benchmark sends and reads. */
final class BenchEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLENARY = "PL-BENCH";
    static final String WORKSHOP = "W-BENCH";
    static final String OVERSELL_WORKSHOP = "W-OVR";
    // Large enough never to fill during a run, so every registration takes a real seat in a bounded pool.
    static final int WORKSHOP_CAPACITY = 1_000_000;
    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private final BenchConfig config;
    private final HttpClient client;

    BenchEvents(BenchConfig config, HttpClient client) {
        this.config = config;
        this.client = client;
    }

    /** The event under load: unlimited event capacity, an unlimited plenary and a large workshop that do not overlap. */
    void createMainEvent(String code) throws Exception {
        ObjectNode event = event(code, "Benchmark event", 300);
        ArrayNode sessions = event.putArray("sessions");
        sessions.add(session(PLENARY, "PLENARY", "Benchmark plenary", 300, LocalTime.of(9, 30), LocalTime.of(11, 0), null));
        sessions.add(session(WORKSHOP, "WORKSHOP", "Benchmark workshop", 300, LocalTime.of(14, 0), LocalTime.of(15, 30),
                WORKSHOP_CAPACITY));
        create(event);
    }

    /** A second event whose single small workshop receives the oversell burst. */
    void createOversellEvent(String code) throws Exception {
        createOneWorkshopEvent(code, "Benchmark oversell check", config.oversellCapacity());
    }

    /** An event whose only session is a workshop ({@link #OVERSELL_WORKSHOP}) of {@code seats} seats. */
    void createOneWorkshopEvent(String code, String title, int seats) throws Exception {
        ObjectNode event = event(code, title, 301);
        event.putArray("sessions").add(session(OVERSELL_WORKSHOP, "WORKSHOP", title + " workshop", 301,
                LocalTime.of(14, 0), LocalTime.of(15, 30), seats));
        create(event);
    }

    /** A registration body with a unique email (the service refuses a second active one per event). */
    static String registration(String email, List<String> sessions) {
        ObjectNode r = JSON.createObjectNode();
        r.put("firstName", "Bench");
        r.put("lastName", "Participant");
        r.put("email", email);
        r.put("organisation", "Benchmark");
        r.put("country", "BE");
        r.put("category", "OTHER");
        r.put("language", "en");
        sessions.forEach(r.putArray("sessions")::add);
        r.putNull("dietaryRequirements");
        r.putNull("accessibilityNeeds");
        r.putObject("consents").put("privacyPolicy", true).put("photography", false);
        return r.toString();
    }

    /** The public view of an event ({@code GET /api/events/{code}}). */
    JsonNode read(String code) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/events/" + code))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/events/" + code + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode session(JsonNode event, String code) {
        for (JsonNode s : event.path("sessions")) {
            if (code.equals(s.path("code").asText())) {
                return s;
            }
        }
        throw new IllegalStateException("session " + code + " missing from " + event);
    }

    private ObjectNode event(String code, String title, int daysAhead) {
        // Dates from today, so the event never falls into the past and its registration window is open now.
        OffsetDateTime startsAt = at(daysAhead, LocalTime.of(9, 0));
        ObjectNode e = JSON.createObjectNode();
        e.put("code", code);
        e.put("kind", "CONFERENCE");
        e.putObject("title").put("fr", title).put("en", title);
        e.put("venue", "Benchmark venue");
        e.put("city", "Brussels");
        e.put("country", "BE");
        e.put("startsAt", startsAt.toString());
        e.put("endsAt", at(daysAhead, LocalTime.of(18, 0)).toString());
        e.put("timezone", ZONE.getId());
        e.putArray("languages").add("fr").add("en");
        e.putNull("capacity");
        e.put("registrationOpensAt", OffsetDateTime.now(ZONE).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString());
        e.put("registrationClosesAt", startsAt.minusDays(1).toString());
        e.putNull("pressQuota");
        return e;
    }

    private static ObjectNode session(String code, String kind, String title, int daysAhead, LocalTime start, LocalTime end,
            Integer capacity) {
        ObjectNode s = JSON.createObjectNode();
        s.put("code", code);
        s.put("kind", kind);
        s.putObject("title").put("fr", title).put("en", title);
        s.put("startsAt", at(daysAhead, start).toString());
        s.put("endsAt", at(daysAhead, end).toString());
        s.put("language", "en");
        if (capacity == null) {
            s.putNull("capacity");
        } else {
            s.put("capacity", capacity);
        }
        return s;
    }

    private static OffsetDateTime at(int daysAhead, LocalTime time) {
        // The offset Brussels has on that day, so the local times are what the programme says whatever the season.
        return ZonedDateTime.of(LocalDate.now(ZONE).plusDays(daysAhead), time, ZONE).toOffsetDateTime();
    }

    /** The organiser's HTTP Basic credentials, for the gateway's admin API. */
    String organizerAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (config.organizerUser() + ":" + config.organizerPassword()).getBytes(StandardCharsets.UTF_8));
    }

    private void create(ObjectNode event) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/admin/events"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", organizerAuthorization())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST /api/admin/events (" + event.path("code").asText() + ") answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
