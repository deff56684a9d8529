package eu.efus.conference.notification.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;
import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.LocalizedText;
import eu.efus.conference.contracts.SessionSummary;
import eu.efus.conference.notification.templates.RegistrationMail;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The calendar invite (RFC 5545, METHOD:PUBLISH) of a registration: the event itself and each confirmed session, never a
 * session the participant is only waiting for. UIDs depend only on the registration and the item, so a later invite
 * (after a promotion) updates the entries already in the calendar instead of adding copies. Times are written in UTC,
 * which every calendar converts to its own zone; the manage link stays out (it carries a secret token).
 */
public final class Invitations {

    public static final String FILE_NAME = "invitation.ics";
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    private Invitations() {
    }

    /** The invite as UTF-8 bytes. */
    public static byte[] of(RegistrationMail mail, String language, String domain) {
        EventSummary event = mail.event();
        String eventTitle = title(event.title(), language);
        String location = Stream.of(event.venue(), event.city()).filter(Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));

        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Efus//Conference registration//" + language.toUpperCase());
        calendar.setMethod(Method.publish());
        calendar.addEvent(entry(uid(mail.registrationId(), event.code(), domain), eventTitle, null, event.startsAt(),
                event.endsAt(), location));
        for (SessionSummary session : mail.sessions()) {
            if ("CONFIRMED".equals(session.status())) {
                calendar.addEvent(entry(uid(mail.registrationId(), session.code(), domain), title(session.title(), language),
                        eventTitle, session.startsAt(), session.endsAt(), location));
            }
        }
        return Biweekly.write(calendar).go().getBytes(StandardCharsets.UTF_8);
    }

    /** Stable per registration and item: {@code {registrationId}-{code}@{domain}}. */
    public static String uid(String registrationId, String code, String domain) {
        return registrationId + "-" + code + "@" + domain;
    }

    private static VEvent entry(String uid, String summary, String description, OffsetDateTime start, OffsetDateTime end,
            String location) {
        VEvent entry = new VEvent();
        entry.setUid(uid);
        entry.setSummary(summary);
        if (description != null) {
            entry.setDescription(description);
        }
        if (start != null) {
            entry.setDateStart(Date.from(start.toInstant()), true);
        }
        if (end != null) {
            entry.setDateEnd(Date.from(end.toInstant()), true);
        }
        if (!location.isEmpty()) {
            entry.setLocation(location);
        }
        entry.setStatus(Status.confirmed());
        return entry;
    }

    private static String title(LocalizedText title, String language) {
        return title == null ? "" : Objects.requireNonNullElse(title.in(language), "");
    }
}
