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

    static final String CHECK_IN_CODE = "SAMP-1E00-N0T0-REA1";

    static final String MANAGE_URL = "http://localhost:8080/manage#id=r-7Qk2mX9pLs&token=sample-token-not-real";

    static Map<String, Object> byType() {
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put(EventTypes.REGISTRATION_CONFIRMED, new RegistrationConfirmed("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "en",
                List.of(WORKSHOP, VISIT), MANAGE_URL, CHECK_IN_CODE));
        samples.put(EventTypes.REGISTRATION_WAITLISTED, new RegistrationWaitlisted("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "fr", 12,
                List.of(new SessionSummary("W-DRUGS", "WORKSHOP", WORKSHOP.title(), WORKSHOP.startsAt(), WORKSHOP.endsAt(),
                        "en", "PENDING", null)), MANAGE_URL));
        samples.put(EventTypes.REGISTRATION_PROMOTED, new RegistrationPromoted("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "en", false,
                List.of("FV-CRISIS-CENTRE"), List.of(WORKSHOP, new SessionSummary("FV-CRISIS-CENTRE", "FIELD_VISIT",
                        VISIT.title(), VISIT.startsAt(), VISIT.endsAt(), "fr", "CONFIRMED", null)), MANAGE_URL,
                CHECK_IN_CODE));
        samples.put(EventTypes.REGISTRATION_CANCELLED, new RegistrationCancelled("r-7Qk2mX9pLs", EVENT, PARTICIPANT, "en",
                List.of(new SessionSummary("W-DRUGS", "WORKSHOP", WORKSHOP.title(), WORKSHOP.startsAt(), WORKSHOP.endsAt(),
                        "en", "CANCELLED", null))));
        samples.put(EventTypes.REGISTRATION_CHECKED_IN, new RegistrationCheckedIn("r-7Qk2mX9pLs", EVENT.code(),
                "FV-CRISIS-CENTRE", OffsetDateTime.parse("2027-03-18T08:41:07Z"), "checkin"));
        samples.put(EventTypes.EMAIL_SENT, new EmailSent("n-4f1c2d", "0b5e8f0e-5c3a-4d7e-9a51-6f1b2c3d4e5f",
                "registration-confirmed", "en", "ana.example@example.org", "<n-4f1c2d.1@conference.efus.eu>", 1, TIME));
        samples.put(EventTypes.EMAIL_FAILED, new EmailFailed("n-4f1c2d", "0b5e8f0e-5c3a-4d7e-9a51-6f1b2c3d4e5f",
                "registration-confirmed", "en", "ana.example@example.org", 8, "550 5.1.1 mailbox unavailable"));
        EventDetails details = new EventDetails(EVENT.code(), EVENT.kind(), EVENT.title(), EVENT.venue(), EVENT.city(),
                EVENT.country(), EVENT.startsAt(), EVENT.endsAt(), EVENT.timezone(), List.of("fr", "en"),
                OffsetDateTime.parse("2026-11-01T00:00:00+01:00"), OffsetDateTime.parse("2027-03-14T23:59:00+01:00"), 40);
        samples.put(EventTypes.EVENT_CREATED, new EventCreated(details));
        samples.put(EventTypes.EVENT_UPDATED, new EventUpdated(details));
        samples.put(EventTypes.ACCREDITATION_RECEIVED, new AccreditationRequested("a-9Xc4Lm2Qw", EVENT, JOURNALIST, "fr",
                "Interview with the mayor of the host city", ACCREDITATION_URL));
        samples.put(EventTypes.ACCREDITATION_NEEDS_INFO, new AccreditationInfoRequested("a-9Xc4Lm2Qw", EVENT, JOURNALIST, "fr",
                "Could you send a link to one of your recent articles?", "press-officer", ACCREDITATION_URL));
        samples.put(EventTypes.ACCREDITATION_INFO_PROVIDED, new AccreditationInfoProvided("a-9Xc4Lm2Qw", EVENT.code(),
                "https://news.example/articles/urban-security"));
        samples.put(EventTypes.ACCREDITATION_APPROVED, new AccreditationApproved("a-9Xc4Lm2Qw", EVENT, JOURNALIST, "fr",
                "press-officer"));
        samples.put(EventTypes.ACCREDITATION_REJECTED, new AccreditationRejected("a-9Xc4Lm2Qw", EVENT, JOURNALIST, "fr",
                "The press quota for this event is reached", "press-officer"));
        samples.put(EventTypes.ACCREDITATION_WITHDRAWN, new AccreditationWithdrawn("a-9Xc4Lm2Qw", EVENT, JOURNALIST, "fr"));
        return samples;
    }

    static final Journalist JOURNALIST = new Journalist("Marc", "Example", "marc.example@press.example", "Le Quotidien",
            "PRINT", "BE", "BE-00000");

    static final String ACCREDITATION_URL = "http://localhost:8080/accreditation#id=a-9Xc4Lm2Qw&token=sample-token-not-real";

    static String subject(Object data) {
        if (data instanceof EmailSent sent) {
            return sent.notificationId();
        }
        if (data instanceof EmailFailed failed) {
            return failed.notificationId();
        }
        if (data instanceof EventCreated || data instanceof EventUpdated) {
            return EVENT.code();
        }
        return EventTypes.of(EventTypes.ALL.entrySet().stream().filter(e -> e.getValue().dataType().isInstance(data))
                .findFirst().orElseThrow().getKey()).topic().equals(Topics.ACCREDITATION_EVENTS) ? "a-9Xc4Lm2Qw" : "r-7Qk2mX9pLs";
    }

    static String source(String type) {
        return switch (EventTypes.of(type).topic()) {
            case Topics.REGISTRATION_EVENTS -> "/registration-service";
            case Topics.ACCREDITATION_EVENTS -> "/accreditation-service";
            default -> "/notification-service";
        };
    }

    static CloudEvent envelope(String type, Object data) {
        return CloudEventCodec.create("6f9c1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f", TIME, source(type), type, subject(data), data);
    }

    private Samples() {
    }
}
