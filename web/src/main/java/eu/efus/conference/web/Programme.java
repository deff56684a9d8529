package eu.efus.conference.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import eu.efus.conference.web.EventCatalog.EventDetail;
import eu.efus.conference.web.EventCatalog.EventSummary;
import eu.efus.conference.web.EventCatalog.Session;

/**
 * Events and their programme as the pages show them, in the visitor's language: dates in the event's time zone,
 * sessions by day, kind, language, seats left or waiting list, and which sessions overlap in time.
 */
public class Programme {

    /** A {fr, en} title in the page's language, or in the other one ({@code lang} then says which). */
    public record Title(String text, String lang) {
    }

    /** One card of the events list. */
    public record EventCard(String code, String href, Title title, String kind, boolean registrationOpen,
            String registrationState, String dates, String place, String languages, String seats, boolean full) {
    }

    /** The event page. */
    public record EventPage(String code, Title title, String kind, String dates, String place, String languages,
            String seats, boolean registrationOpen, String registration, String registerHref, String pressHref,
            String programmeHint, List<Day> days) {
    }

    /** A day of the programme. */
    public record Day(String key, String heading, List<SessionLine> sessions) {
    }

    /** A session as the programme shows it. */
    public record SessionLine(String code, String time, Title title, String kind, String language, String seats,
            boolean full, List<String> overlaps) {
    }

    private final PageTexts texts;
    private final Locale locale;

    public Programme(PageTexts texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    public EventCard card(EventSummary event) {
        ZoneId zone = zone(event.timezone());
        Integer left = event.seatsLeft();
        String seats = left == null ? null : left <= 0 ? t("index.waitingList")
                : left == 1 ? t("index.seatLeft") : t("index.seatsLeft", Map.of("n", left));
        return new EventCard(event.code(), eventPath(event.code(), ""), title(event.title(), event.code()),
                t("common.eventKinds." + event.kind()), event.open(),
                t(event.open() ? "index.registrationOpen" : "index.registrationClosed"),
                dateRange(event.startsAt(), event.endsAt(), zone), place(null, event.city(), event.country()),
                languageList(event.languages()), seats, left != null && left <= 0);
    }

    public EventPage page(EventDetail event) {
        ZoneId zone = zone(event.timezone());
        List<Session> sessions = event.sessions() == null ? List.of() : event.sessions();
        Map<String, List<String>> overlaps = overlaps(sessions);
        Map<String, List<SessionLine>> byDay = new LinkedHashMap<>();
        Map<String, String> headings = new LinkedHashMap<>();
        sessions.stream()
                .sorted(Comparator.comparing((Session s) -> instant(s.startsAt()), Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(session -> {
                    ZonedDateTime start = zoned(session.startsAt(), zone);
                    String key = start == null ? "" : start.toLocalDate().toString();
                    headings.putIfAbsent(key, start == null ? "" : capitalised(start.format(
                            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale))));
                    byDay.computeIfAbsent(key, k -> new ArrayList<>()).add(line(session, zone, overlaps));
                });
        List<Day> days = byDay.entrySet().stream()
                .map(day -> new Day(day.getKey(), headings.get(day.getKey()), day.getValue()))
                .toList();
        return new EventPage(event.code(), title(event.title(), event.code()), t("common.eventKinds." + event.kind()),
                dateRange(event.startsAt(), event.endsAt(), zone), place(event.venue(), event.city(), event.country()),
                languageList(event.languages()), eventSeats(event), event.open(), registration(event, zone),
                eventPath(event.code(), "/register"), eventPath(event.code(), "/press"),
                sessions.isEmpty() ? "" : t("event.programmeHint", Map.of("zone", Objects.toString(event.timezone(), ""))),
                days);
    }

    private SessionLine line(Session session, ZoneId zone, Map<String, List<String>> overlaps) {
        Integer left = session.seatsLeft();
        boolean full = left != null && left <= 0;
        int waiting = session.waitlistLength() == null ? 0 : session.waitlistLength();
        String seats = left == null ? t("common.noSeatLimit")
                : full ? (waiting > 0 ? t("common.fullWaitlist", Map.of("n", waiting)) : t("common.fullWaitlistEmpty"))
                : left == 1 ? t("common.seatsLeftOne") : t("common.seatsLeftN", Map.of("n", left));
        return new SessionLine(session.code(), timeRange(session.startsAt(), session.endsAt(), zone),
                title(session.title(), session.code()), t("common.sessionKinds." + session.kind()),
                t("common.sessionLanguages." + session.language()), seats, full,
                overlaps.getOrDefault(session.code(), List.of()));
    }

    /**
     * For each session, the codes of the sessions it overlaps in time. The same rule as registration-service's
     * {@code ConferenceEvent.Session#overlaps} (which refuses such a pair): {@code a.start < b.end && b.start <
     * a.end}, so sessions that only touch (one ends when the next starts) do not overlap.
     */
    public static Map<String, List<String>> overlaps(List<Session> sessions) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Session a : sessions) {
            List<String> codes = new ArrayList<>();
            Instant aStart = instant(a.startsAt());
            Instant aEnd = instant(a.endsAt());
            for (Session b : sessions) {
                Instant bStart = instant(b.startsAt());
                Instant bEnd = instant(b.endsAt());
                if (b != a && aStart != null && aEnd != null && bStart != null && bEnd != null
                        && aStart.isBefore(bEnd) && bStart.isBefore(aEnd)) {
                    codes.add(b.code());
                }
            }
            found.put(a.code(), codes);
        }
        return found;
    }

    private String registration(EventDetail event, ZoneId zone) {
        if (event.open()) {
            return event.registrationClosesAt() != null
                    ? t("event.registrationOpenUntil", Map.of("date", dateTime(event.registrationClosesAt(), zone)))
                    : t("event.registrationOpen");
        }
        Instant opens = instant(event.registrationOpensAt());
        if (opens != null && opens.isAfter(Instant.now())) {
            return t("event.registrationNotYet", Map.of("date", dateTime(event.registrationOpensAt(), zone)));
        }
        return t("event.registrationClosed");
    }

    private String eventSeats(EventDetail event) {
        Integer left = event.seatsLeft();
        if (left == null) {
            return "";
        }
        int waiting = event.waitlistLength() == null ? 0 : event.waitlistLength();
        if (left <= 0) {
            return waiting > 0 ? t("event.eventFull", Map.of("n", waiting)) : t("event.eventFullEmpty");
        }
        return left == 1 ? t("common.seatsLeftOne") : t("common.seatsLeftN", Map.of("n", left));
    }

    public Title title(Map<String, String> title, String fallback) {
        String own = locale.getLanguage();
        String other = "fr".equals(own) ? "en" : "fr";
        if (title != null && title.get(own) != null && !title.get(own).isBlank()) {
            return new Title(title.get(own), null);
        }
        if (title != null && title.get(other) != null && !title.get(other).isBlank()) {
            return new Title(title.get(other), other);
        }
        return new Title(fallback, null);
    }

    private String place(String venue, String city, String country) {
        if ((city == null || city.isBlank()) && (country == null || country.isBlank())) {
            return t("common.online");
        }
        return java.util.stream.Stream.of(venue, city, ReferenceLists.countryName(country, locale))
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }

    private String languageList(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        List<String> names = codes.stream().map(code -> Locale.forLanguageTag(code).getDisplayLanguage(locale)).toList();
        String text = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " " + t("server.and") + " " + names.get(names.size() - 1);
        return capitalised(text);
    }

    private String dateRange(String startIso, String endIso, ZoneId zone) {
        ZonedDateTime start = zoned(startIso, zone);
        ZonedDateTime end = zoned(endIso, zone);
        if (start == null) {
            return "";
        }
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        if (end == null || end.toLocalDate().equals(start.toLocalDate())) {
            return start.format(full);
        }
        if (end.getYear() == start.getYear() && end.getMonth() == start.getMonth()) {
            return start.getDayOfMonth() + "–" + end.format(full);
        }
        if (end.getYear() == start.getYear()) {
            return start.format(DateTimeFormatter.ofPattern("d MMMM", locale)) + " – " + end.format(full);
        }
        return start.format(full) + " – " + end.format(full);
    }

    private String timeRange(String startIso, String endIso, ZoneId zone) {
        ZonedDateTime start = zoned(startIso, zone);
        ZonedDateTime end = zoned(endIso, zone);
        if (start == null) {
            return "";
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        return start.format(time) + (end == null ? "" : "–" + end.format(time))
                + " " + start.format(DateTimeFormatter.ofPattern("z", locale));
    }

    private String dateTime(String iso, ZoneId zone) {
        ZonedDateTime value = zoned(iso, zone);
        return value == null ? "" : value.format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", locale));
    }

    private String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    private String t(String key) {
        return texts.text(locale, key);
    }

    private String t(String key, Map<String, ?> vars) {
        return texts.text(locale, key, vars);
    }

    static String eventPath(String code, String suffix) {
        return "/events/" + org.springframework.web.util.UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8) + suffix;
    }

    private static ZoneId zone(String timezone) {
        try {
            return timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
        }
        catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static ZonedDateTime zoned(String iso, ZoneId zone) {
        Instant instant = instant(iso);
        return instant == null ? null : instant.atZone(zone);
    }

    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
