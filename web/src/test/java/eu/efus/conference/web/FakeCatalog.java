package eu.efus.conference.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** registration-service's public catalogue as the pages read it: one event, an unknown one, and a broken one. */
final class FakeCatalog implements AutoCloseable {

    static final String EVENT = """
            {"code":"SDC-TEST","kind":"CONFERENCE","title":{"fr":"Sécurité, démocratie et villes","en":"Security, democracy and cities"},
             "venue":"Square","city":"Brussels","country":"BE","startsAt":"2027-03-17T09:00:00+01:00",
             "endsAt":"2027-03-19T13:00:00+01:00","timezone":"Europe/Brussels","languages":["fr","en"],
             "registrationOpen":true,"registrationOpensAt":null,"registrationClosesAt":null,"capacity":800,"seatsLeft":12,
             "waitlistLength":0,"pressQuota":null,"sessions":[
               {"code":"PL-OPEN","kind":"PLENARY","title":{"fr":"Séance d'ouverture","en":"Opening plenary"},
                "startsAt":"2027-03-17T09:30:00+01:00","endsAt":"2027-03-17T11:00:00+01:00","language":"fr",
                "capacity":null,"seatsLeft":null,"waitlistLength":0},
               {"code":"W-DRUGS","kind":"WORKSHOP","title":{"fr":"Drogues et espace public","en":"Drugs and public space"},
                "startsAt":"2027-03-17T11:00:00+01:00","endsAt":"2027-03-17T12:30:00+01:00","language":"en",
                "capacity":30,"seatsLeft":3,"waitlistLength":0},
               {"code":"W-POLICE","kind":"WORKSHOP","title":{"fr":"Police de proximité","en":""},
                "startsAt":"2027-03-17T12:00:00+01:00","endsAt":"2027-03-17T13:00:00+01:00","language":"fr",
                "capacity":20,"seatsLeft":0,"waitlistLength":4},
               {"code":"FV-CRISIS","kind":"FIELD_VISIT","title":{"fr":"Centre de crise","en":"Crisis centre <visit>"},
                "startsAt":"2027-03-18T14:00:00+01:00","endsAt":"2027-03-18T17:00:00+01:00","language":"en",
                "capacity":15,"seatsLeft":1,"waitlistLength":0}]}
            """;

    static final String EVENTS = """
            [{"code":"SDC-TEST","kind":"CONFERENCE","title":{"fr":"Sécurité, démocratie et villes","en":"Security, democracy and cities"},
              "city":"Brussels","country":"BE","startsAt":"2027-03-17T09:00:00+01:00","endsAt":"2027-03-19T13:00:00+01:00",
              "timezone":"Europe/Brussels","languages":["fr","en"],"registrationOpen":true,"capacity":800,"seatsLeft":12},
             {"code":"WEB-CLOSED","kind":"WEBCONFERENCE","title":{"fr":"Webconférence complète","en":"Closed webconference"},
              "city":null,"country":null,"startsAt":"2027-01-11T12:00:00+01:00","endsAt":"2027-01-11T13:30:00+01:00",
              "timezone":"Europe/Paris","languages":["fr"],"registrationOpen":false,"capacity":null,"seatsLeft":null}]
            """;

    private final HttpServer server;
    volatile boolean listDown;

    FakeCatalog() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/events", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/api/events" -> {
                if (listDown) {
                    send(exchange, 503, "{\"status\":503}");
                }
                else {
                    send(exchange, 200, EVENTS);
                }
            }
            case "/api/events/SDC-TEST" -> send(exchange, 200, EVENT);
            case "/api/events/BROKEN" -> send(exchange, 500, "{\"status\":500}");
            default -> send(exchange, 404, "{\"status\":404,\"title\":\"Not Found\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
