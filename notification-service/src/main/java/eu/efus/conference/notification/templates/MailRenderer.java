package eu.efus.conference.notification.templates;

import eu.efus.conference.contracts.EventSummary;
import eu.efus.conference.contracts.LocalizedText;
import eu.efus.conference.contracts.SessionSummary;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from {@code templates/mail/{fr,en}/<template>.html} and {@code .txt}, with the subject and shared
 * wording from the {@code i18n/mail_{fr,en}} bundles. Kept apart from the web's Thymeleaf setup: mail templates are
 * resolved by their full name ({@code .html} in HTML mode, escaping; {@code .txt} in TEXT mode).
 */
@Component
public class MailRenderer {

    // Compiled once: these run several times per email.
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");
    private static final Pattern ANY_LINE_BREAK = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern WHITESPACE = Pattern.compile("(?s).*\\s.*");
    /** Date and time formats per language, built once (a pattern is parsed on every ofPattern call). */
    private static final Map<Locale, DateTimeFormatter[]> FORMATS = new ConcurrentHashMap<>();

    // Templates are parsed once and kept (the resolvers' cache is on), so each email only fills them in.
    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    public MailRenderer() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/mail");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        this.messages = bundle;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(bundle);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The email {@code template} in {@code language} for this event data. */
    public RenderedMail render(MailTemplate template, String language, MailData data) {
        String lang = RegistrationMail.language(language);
        Locale locale = Locale.forLanguageTag(lang);
        MailView view = view(template, lang, locale, data);
        Context context = new Context(locale);
        context.setVariable("mail", view);
        String base = "mail/" + lang + "/" + template.id();
        // Thymeleaf's textual block tags keep their line breaks: at most one blank line in a row reads better.
        String text = BLANK_LINES.matcher(TRAILING_BLANKS.matcher(engine.process(base + ".txt", context)).replaceAll("\n"))
                .replaceAll("\n\n").strip() + "\n";
        return new RenderedMail(view.subject(), text, engine.process(base + ".html", context), view.checkInCode());
    }

    private MailView view(MailTemplate template, String lang, Locale locale, MailData data) {
        EventSummary event = data.event();
        ZoneId zone = zone(event);
        String title = text(event.title(), lang);
        String subject = singleLine(messages.getMessage("subject." + template.id(), new Object[] {title}, locale));
        String when = when(event.startsAt(), event.endsAt(), zone, locale);
        String place = place(event, locale);
        boolean online = "WEBCONFERENCE".equals(event.kind());
        if (data instanceof AccreditationMail accreditation) {
            String outlet = accreditation.journalist() == null ? null : accreditation.journalist().mediaOutlet();
            return new MailView(subject, accreditation.recipientName(), title, when, place, List.of(), null, null, false,
                    List.of(), false, online, safeLink(accreditation.privateUrl()), blankToNull(outlet),
                    lines(accreditation.coverageNotes()), lines(accreditation.question()), lines(accreditation.reason()),
                    null);
        }
        RegistrationMail registration = (RegistrationMail) data;
        List<MailView.SessionLine> sessions = registration.sessions().stream()
                .map(s -> new MailView.SessionLine(text(s.title(), lang), details(s, locale),
                        when(s.startsAt(), s.endsAt(), zone, locale), status(s, locale), "CONFIRMED".equals(s.status())))
                .toList();
        List<String> promoted = registration.sessions().stream()
                .filter(s -> registration.promotedSessions().contains(s.code())).map(s -> text(s.title(), lang)).toList();
        boolean anyWaitlisted = registration.sessions().stream().anyMatch(s -> "WAITLISTED".equals(s.status()));
        return new MailView(subject, registration.recipientName(), title, when, place, sessions,
                safeLink(registration.manageUrl()), registration.waitlistPosition(), registration.eventSeat(), promoted,
                anyWaitlisted, online, null, null, List.of(), List.of(), List.of(), registration.shownCheckInCode());
    }

    /**
     * A text somebody typed, line by line: line breaks of every kind kept, other control characters dropped, no
     * leading or trailing blank lines. Escaping is the template's job.
     */
    static List<String> lines(String typed) {
        if (typed == null) {
            return List.of();
        }
        String text = CONTROLS.matcher(ANY_LINE_BREAK.matcher(typed).replaceAll("\n")).replaceAll("").strip();
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n", -1)).map(String::stripTrailing).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Header values must stay on one line whatever the event data holds (no header injection). */
    public static String singleLine(String value) {
        return value == null ? "" : LINE_BREAKS.matcher(value).replaceAll(" ").trim();
    }

    private static String text(LocalizedText text, String lang) {
        return text == null ? "" : Objects.requireNonNullElse(text.in(lang), "");
    }

    private static ZoneId zone(EventSummary event) {
        try {
            if (event.timezone() != null) {
                return ZoneId.of(event.timezone());
            }
        } catch (DateTimeException e) {
            // An unknown zone name: fall back to the offset the dates carry.
        }
        return event.startsAt() != null ? event.startsAt().getOffset() : ZoneId.of("UTC");
    }

    /** "mercredi 17 mars 2027, 09:00–12:00 (Europe/Brussels)"; across days "…, 09:00 – vendredi 19 mars 2027, 13:00 (…)". */
    static String when(OffsetDateTime start, OffsetDateTime end, ZoneId zone, Locale locale) {
        if (start == null) {
            return "";
        }
        DateTimeFormatter[] formats = FORMATS.computeIfAbsent(locale, l -> new DateTimeFormatter[] {
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", l), DateTimeFormatter.ofPattern("HH:mm", l)});
        DateTimeFormatter day = formats[0];
        DateTimeFormatter time = formats[1];
        var from = start.atZoneSameInstant(zone);
        StringBuilder text = new StringBuilder(day.format(from)).append(", ").append(time.format(from));
        if (end != null) {
            var to = end.atZoneSameInstant(zone);
            if (to.toLocalDate().equals(from.toLocalDate())) {
                text.append('–').append(time.format(to));
            } else {
                text.append(" – ").append(day.format(to)).append(", ").append(time.format(to));
            }
        }
        return text.append(" (").append(zone.getId()).append(')').toString();
    }

    private String place(EventSummary event, Locale locale) {
        String place = Stream.of(event.venue(), event.city()).filter(Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        if (place.isEmpty()) {
            return "WEBCONFERENCE".equals(event.kind()) ? messages.getMessage("event.online", null, locale) : null;
        }
        return place;
    }

    private String details(SessionSummary session, Locale locale) {
        String kind = session.kind() == null ? null
                : messages.getMessage("session.kind." + session.kind(), null, session.kind(), locale);
        String language = session.language() == null ? null
                : messages.getMessage("session.language." + session.language(), null, null, locale);
        return Stream.of(kind, language).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    private String status(SessionSummary session, Locale locale) {
        String status = session.status() == null ? "CONFIRMED" : session.status();
        Object position = session.waitlistPosition() == null ? "?" : session.waitlistPosition();
        return messages.getMessage("session.status." + status, new Object[] {position}, status, locale);
    }

    /** Only web links become buttons: the URL comes from another service's event, not from this one. */
    private static String safeLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"))
                && !WHITESPACE.matcher(url).matches()
                ? url : null;
    }
}
