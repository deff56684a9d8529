package eu.efus.conference.contracts;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fixed, realistic event per type: what the golden files in {@code golden/} must match. */
final class Samples {

    static final OffsetDateTime TIME = OffsetDateTime.parse("2027-01-15T09:30:00.123Z");

    static final EventSummary EVENT = new EventSummary("SDC-2027-BRU", "CONFERENCE",
            new LocalizedText("Sécurité, Démocratie & Villes 2027", "Security, Democracy & Cities 2027"),
            "Square – Brussels Meeting Centre", "Brussels", "BE",
            OffsetDateTime.parse("2027-03-17T09:00:00+01:00"), OffsetDateTime.parse("2027-03-19T13:00:00+01:00"),
            "Europe/Brussels");

    static final Participant PARTICIPANT = new Participant("Ana", "Example", "ana.example@example.org",
            "City of Lisbon", "PT", "LOCAL_AUTHORITY");

    static final SessionSummary WORKSHOP = new SessionSummary("W-DRUGS", "WORKSHOP",
            new LocalizedText("Drogues et trafics : réponses locales", "Drugs and trafficking: local responses"),
            OffsetDateTime.parse("2027-03-17T14:00:00+01:00"), OffsetDateTime.parse("2027-03-17T15:30:00+01:00"),
            "en", "CONFIRMED", null);

    static final SessionSummary VISIT = new SessionSummary("FV-CRISIS-CENTRE", "FIELD_VISIT",
            new LocalizedText("Visite du centre régional de crise", "Visit of the regional crisis centre"),
            OffsetDateTime.parse("2027-03-18T09:00:00+01:00"), OffsetDateTime.parse("2027-03-18T12:00:00+01:00"),
            "fr", "WAITLISTED", 3);

    static final String MANAGE_URL = "http://localhost:8080/manage#id=r-7Qk2mX9pLs&token=sample-token-not-real";

    static Map<String, Object> byType() {
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put(EventTypes.REGISTRATION_CONFIRMED, new RegistrationConfirmed("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "en",
                List.of(WORKSHOP, VISIT), MANAGE_URL));
        samples.put(EventTypes.REGISTRATION_WAITLISTED, new RegistrationWaitlisted("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "fr", 12,
                List.of(new SessionSummary("W-DRUGS", "WORKSHOP", WORKSHOP.title(), WORKSHOP.startsAt(), WORKSHOP.endsAt(),
                        "en", "PENDING", null)), MANAGE_URL));
        samples.put(EventTypes.REGISTRATION_PROMOTED, new RegistrationPromoted("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "en", false,
                List.of("FV-CRISIS-CENTRE"), List.of(WORKSHOP, new SessionSummary("FV-CRISIS-CENTRE", "FIELD_VISIT",
                        VISIT.title(), VISIT.startsAt(), VISIT.endsAt(), "fr", "CONFIRMED", null)), MANAGE_URL));
        samples.put(EventTypes.REGISTRATION_CANCELLED, new RegistrationCancelled("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "en",
                List.of(new SessionSummary("W-DRUGS", "WORKSHOP", WORKSHOP.title(), WORKSHOP.startsAt(), WORKSHOP.endsAt(),
                        "en", "CANCELLED", null))));
        samples.put(EventTypes.EMAIL_SENT, new EmailSent("n-4f1c2d", "0b5e8f0e-5c3a-4d7e-9a51-6f1b2c3d4e5f",
                "registration-confirmed", "en", "ana.example@example.org", "<n-4f1c2d.1@conference.efus.eu>", 1, TIME));
        samples.put(EventTypes.EMAIL_FAILED, new EmailFailed("n-4f1c2d", "0b5e8f0e-5c3a-4d7e-9a51-6f1b2c3d4e5f",
                "registration-confirmed", "en", "ana.example@example.org", 8, "550 5.1.1 mailbox unavailable"));
        return samples;
    }

    static String subject(Object data) {
        return data instanceof EmailSent sent ? sent.notificationId()
                : data instanceof EmailFailed failed ? failed.notificationId() : "r-7Qk2mX9pLs";
    }

    static String source(String type) {
        return EventTypes.of(type).topic().equals(Topics.REGISTRATION_EVENTS) ? "/registration-service" : "/notification-service";
    }

    static CloudEvent envelope(String type, Object data) {
        return CloudEventCodec.create("6f9c1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f", TIME, source(type), type, subject(data), data);
    }

    private Samples() {
    }
}
