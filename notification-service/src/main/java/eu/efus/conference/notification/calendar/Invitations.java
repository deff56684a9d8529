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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The calendar invite (RFC 5545, METHOD:PUBLISH) of a registration: the event itself and each confirmed session, never a
 * session the participant is only waiting for. UIDs depend only on the registration and the item, so a later invite
 * (after a promotion) updates the entries already in the calendar instead of adding copies. Times are written in UTC,
 * which every calendar converts to its own zone; the manage link stays out (it carries a secret token). Everything but
 * the UIDs and the time stamp is the same for everybody registered to the same sessions, so it is written once.
 */
public final class Invitations {

    public static final String FILE_NAME = "invitation.ics";
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    private static final String CRLF = "\r\n";
    private static final String BEGIN_EVENT = "BEGIN:VEVENT" + CRLF;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Calendars without their personal lines, by what they depend on; least recently used dropped past 256. */
    private static final Map<Shared, String> SHARED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shared, String> eldest) {
            return size() > 256;
        }
    };

    /** What the shared part of an invite depends on. */
    private record Shared(EventSummary event, List<SessionSummary> confirmed, String language) {
    }

    private Invitations() {
    }

    /** The invite as UTF-8 bytes. */
    public static byte[] of(RegistrationMail mail, String language, String domain) {
        EventSummary event = mail.event();
        List<SessionSummary> confirmed = mail.sessions().stream().filter(s -> "CONFIRMED".equals(s.status())).toList();
        String shared;
        synchronized (SHARED) {
            shared = SHARED.get(new Shared(event, confirmed, language));
        }
        if (shared == null) {
            shared = write(event, confirmed, language);
            synchronized (SHARED) {
                SHARED.put(new Shared(event, confirmed, language), shared);
            }
        }
        // Per person: the UIDs (registration + item) and the time stamp, after each entry's first line.
        List<String> codes = new ArrayList<>();
        codes.add(event.code());
        confirmed.forEach(s -> codes.add(s.code()));
        String stamp = "DTSTAMP:" + STAMP.format(Instant.now()) + CRLF;
        StringBuilder ics = new StringBuilder(shared.length() + 160 * codes.size());
        int from = 0;
        for (String code : codes) {
            int at = shared.indexOf(BEGIN_EVENT, from) + BEGIN_EVENT.length();
            ics.append(shared, from, at).append(folded("UID:" + text(uid(mail.registrationId(), code, domain))))
                    .append(stamp);
            from = at;
        }
        return ics.append(shared, from, shared.length()).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The calendar without what is personal (UIDs, time stamp): the same for everybody with the same event, confirmed
     * sessions and language, so it is written once and kept (a bounded number of recent variants).
     */
    private static String write(EventSummary event, List<SessionSummary> confirmed, String language) {
        String eventTitle = title(event.title(), language);
        String location = Stream.of(event.venue(), event.city()).filter(Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Efus//Conference registration//" + language.toUpperCase());
        calendar.setMethod(Method.publish());
        calendar.addEvent(entry(eventTitle, null, event.startsAt(), event.endsAt(), location));
        for (SessionSummary session : confirmed) {
            calendar.addEvent(entry(title(session.title(), language), eventTitle, session.startsAt(), session.endsAt(),
                    location));
        }
        return Biweekly.write(calendar).go();
    }

    /** A TEXT value as RFC 5545 escapes it. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** A content line folded at 75 octets, as RFC 5545 requires, with its line break. */
    static String folded(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            return line + CRLF;
        }
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.append(CRLF).toString();
    }

    /** Stable per registration and item: {@code {registrationId}-{code}@{domain}}. */
    public static String uid(String registrationId, String code, String domain) {
        return registrationId + "-" + code + "@" + domain;
    }

    private static VEvent entry(String summary, String description, OffsetDateTime start, OffsetDateTime end,
            String location) {
        VEvent entry = new VEvent();
        // Personal, added per email by of(): see there.
        entry.setUid((biweekly.property.Uid) null);
        entry.setDateTimeStamp((biweekly.property.DateTimeStamp) null);
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
