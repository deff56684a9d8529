package eu.efus.conference.registration.catalog;

import eu.efus.conference.kit.problem.Refusal;

import eu.efus.conference.contracts.LocalizedText;
import eu.efus.conference.registration.RegistrationConfiguration;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo programme on first start, when the database has no event: the "Security, Democracy & Cities"
 * conference in Brussels (plenaries, thematic workshops of 60 seats, field visits of 20) and two one-hour
 * webconferences, one in French and one in English. Dates are relative to the first start so they stay in the future.
 */
@Component
@ConditionalOnProperty(name = "conference.demo-data", havingValue = "true", matchIfMissing = true)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final EventCatalog catalog;

    public DemoData(EventCatalog catalog, RegistrationConfiguration.IndexesReady indexes) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!catalog.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(BRUSSELS);
        for (EventInput event : demoEvents(today)) {
            try {
                catalog.create(event);
            } catch (Refusal e) {
                // Another instance starting at the same moment created it first: the same programme either way.
                if (e.kind() != Refusal.Kind.CONFLICT) {
                    throw e;
                }
            }
        }
        log.info("Demo events loaded");
    }

    /** The demo programme, anchored on {@code today}: the conference is about four months ahead. */
    public static List<EventInput> demoEvents(LocalDate today) {
        LocalDate day1 = today.plusMonths(4).with(java.time.DayOfWeek.WEDNESDAY);
        LocalDate day2 = day1.plusDays(1);
        LocalDate day3 = day1.plusDays(2);
        EventInput conference = new EventInput("SDC-BRUSSELS", EventKind.CONFERENCE,
                new EventInput.Title("Sécurité, Démocratie & Villes — Conférence internationale",
                        "Security, Democracy & Cities — International conference"),
                "Square – Brussels Meeting Centre", "Brussels", "BE",
                at(day1, 9, 0, BRUSSELS), at(day3, 13, 0, BRUSSELS), BRUSSELS.getId(), List.of("fr", "en"), 800,
                OffsetDateTime.now(BRUSSELS).minusDays(1), at(day1.minusDays(3), 23, 59, BRUSSELS), 40,
                List.of(
                        session("PL-OPENING", SessionKind.PLENARY, "Séance d'ouverture : la sécurité, un défi démocratique",
                                "Opening plenary: security as a democratic challenge", day1, 9, 30, 11, 0, "fr", null),
                        session("W-POLICE", SessionKind.WORKSHOP, "Relations police-population",
                                "Police-population relations", day1, 14, 0, 15, 30, "fr", 60),
                        session("W-AI", SessionKind.WORKSHOP, "Technologies de sécurité et intelligence artificielle",
                                "Security technologies and artificial intelligence", day1, 14, 0, 15, 30, "en", 60),
                        session("W-DRUGS", SessionKind.WORKSHOP, "Prévention des drogues et des trafics",
                                "Preventing drugs and trafficking", day1, 16, 0, 17, 30, "en", 60),
                        session("W-CRISIS", SessionKind.WORKSHOP, "Gestion de crises, y compris la crise climatique",
                                "Crisis management, including the climate crisis", day1, 16, 0, 17, 30, "fr", 60),
                        session("W-PUBLIC-SPACES", SessionKind.WORKSHOP, "Sécurité des espaces publics",
                                "Safety of public spaces", day2, 14, 0, 15, 30, "en", 60),
                        session("W-DISCRIMINATION", SessionKind.WORKSHOP, "Prévenir la violence discriminatoire",
                                "Preventing discriminatory violence", day2, 14, 0, 15, 30, "fr", 60),
                        session("FV-CRISIS-CENTRE", SessionKind.FIELD_VISIT, "Visite du centre régional de crise",
                                "Visit of the regional crisis centre", day2, 9, 0, 12, 0, "fr", 20),
                        session("FV-DRUG-ROOM", SessionKind.FIELD_VISIT, "Visite d'une salle de consommation supervisée",
                                "Visit of a supervised drug consumption room", day2, 9, 0, 12, 0, "en", 20),
                        session("FV-MEDIATION", SessionKind.FIELD_VISIT, "Rencontre avec une équipe de médiation de nuit",
                                "Meeting a night-time mediation team", day2, 16, 0, 18, 0, "fr", 20),
                        session("PL-CLOSING", SessionKind.PLENARY, "Séance de clôture : le manifeste des villes",
                                "Closing plenary: the cities' manifesto", day3, 11, 0, 12, 30, "en", null)));
        LocalDate webFr = today.plusWeeks(3).with(java.time.DayOfWeek.MONDAY);
        EventInput webconferenceFr = new EventInput("WEB-PREVENTION-FR", EventKind.WEBCONFERENCE,
                new EventInput.Title("Webconférence : prévenir la violence dans le sport amateur", null),
                null, null, null, at(webFr, 14, 0, PARIS), at(webFr, 15, 0, PARIS), PARIS.getId(), List.of("fr"), 500,
                OffsetDateTime.now(PARIS).minusDays(1), at(webFr, 13, 30, PARIS), null,
                List.of(session("WEBINAR", SessionKind.WEBINAR, "Prévenir la violence dans le sport amateur", null,
                        webFr, 14, 0, 15, 0, "fr", null, PARIS)));
        LocalDate webEn = webFr.plusDays(2);
        EventInput webconferenceEn = new EventInput("WEB-CITIES-CRISIS-EN", EventKind.WEBCONFERENCE,
                new EventInput.Title(null, "Webconference: cooperation between cities in times of crisis"),
                null, null, null, at(webEn, 14, 0, PARIS), at(webEn, 15, 0, PARIS), PARIS.getId(), List.of("en"), 500,
                OffsetDateTime.now(PARIS).minusDays(1), at(webEn, 13, 30, PARIS), null,
                List.of(session("WEBINAR", SessionKind.WEBINAR, null, "Cooperation between cities in times of crisis",
                        webEn, 14, 0, 15, 0, "en", null, PARIS)));
        return List.of(conference, webconferenceFr, webconferenceEn);
    }

    private static EventInput.SessionInput session(String code, SessionKind kind, String fr, String en, LocalDate day,
            int fromHour, int fromMinute, int toHour, int toMinute, String language, Integer capacity) {
        return session(code, kind, fr, en, day, fromHour, fromMinute, toHour, toMinute, language, capacity, BRUSSELS);
    }

    private static EventInput.SessionInput session(String code, SessionKind kind, String fr, String en, LocalDate day,
            int fromHour, int fromMinute, int toHour, int toMinute, String language, Integer capacity, ZoneId zone) {
        return new EventInput.SessionInput(code, kind, new EventInput.Title(fr, en), at(day, fromHour, fromMinute, zone),
                at(day, toHour, toMinute, zone), language, capacity);
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute, ZoneId zone) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(zone).toOffsetDateTime();
    }

}
