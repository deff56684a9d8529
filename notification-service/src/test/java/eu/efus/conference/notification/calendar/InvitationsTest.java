package eu.efus.conference.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.Golden;
import eu.efus.conference.notification.templates.MailTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InvitationsTest {

    private static final String DOMAIN = "conference.efus.example";

    private static ICalendar parse(byte[] ics) {
        return Biweekly.parse(new String(ics, StandardCharsets.UTF_8)).first();
    }

    private static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
    }

    @Test
    void invitesToTheEventAndTheConfirmedSessionsOnly() {
        byte[] ics = Invitations.of(Golden.mail(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED),
                "en", DOMAIN);
        String text = new String(ics, StandardCharsets.UTF_8);
        ICalendar calendar = parse(ics);

        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        Map<String, VEvent> events = byUid(calendar);
        // The field visit is only waitlisted: no calendar entry for it.
        assertThat(events).containsOnlyKeys("r-7Qk2mX9pLs-SDC-2027-BRU@" + DOMAIN, "r-7Qk2mX9pLs-W-DRUGS@" + DOMAIN);

        VEvent conference = events.get("r-7Qk2mX9pLs-SDC-2027-BRU@" + DOMAIN);
        assertThat(conference.getSummary().getValue()).isEqualTo("Security, Democracy & Cities 2027");
        // 09:00 in Brussels in March is 08:00 UTC.
        assertThat(conference.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-17T08:00:00Z"));
        assertThat(conference.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-19T12:00:00Z"));
        assertThat(conference.getLocation().getValue()).isEqualTo("Square – Brussels Meeting Centre, Brussels");

        VEvent workshop = events.get("r-7Qk2mX9pLs-W-DRUGS@" + DOMAIN);
        assertThat(workshop.getSummary().getValue()).isEqualTo("Drugs and trafficking: local responses");
        assertThat(workshop.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-17T13:00:00Z"));
        assertThat(workshop.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-17T14:30:00Z"));

        // The manage link carries a secret token: it stays out of calendars.
        assertThat(text).contains("DTSTART:20270317T080000Z").doesNotContain("token", "manage", "URL:");
    }

    @Test
    void aLaterInviteReusesTheUidsSoCalendarsUpdateInsteadOfDuplicating() {
        ICalendar confirmed = parse(Invitations.of(
                Golden.mail(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED), "fr", DOMAIN));
        ICalendar promoted = parse(Invitations.of(
                Golden.mail(MailTemplate.REGISTRATION_PROMOTED, EventTypes.REGISTRATION_PROMOTED), "fr", DOMAIN));

        assertThat(byUid(promoted).keySet()).containsAll(byUid(confirmed).keySet())
                .contains("r-7Qk2mX9pLs-FV-CRISIS-CENTRE@" + DOMAIN).hasSize(3);
        List<String> summaries = promoted.getEvents().stream().map(e -> e.getSummary().getValue()).toList();
        assertThat(summaries).contains("Sécurité, Démocratie & Villes 2027", "Visite du centre régional de crise");
    }

    @Test
    void theSharedPartIsWrittenOnceYetEveryInviteHasItsOwnUidsAndTimeStamp() {
        var first = Golden.mail(MailTemplate.REGISTRATION_CONFIRMED, EventTypes.REGISTRATION_CONFIRMED);
        String longId = "r-" + "x".repeat(80);
        var second = (eu.efus.conference.notification.templates.RegistrationMail) MailTemplate.REGISTRATION_CONFIRMED
                .read(MailTemplate.REGISTRATION_CONFIRMED.model(Golden.event(EventTypes.REGISTRATION_CONFIRMED).data())
                        .append("registrationId", longId));

        ICalendar a = parse(Invitations.of(first, "en", DOMAIN));
        String secondText = new String(Invitations.of(second, "en", DOMAIN), StandardCharsets.UTF_8);
        ICalendar b = parse(secondText.getBytes(StandardCharsets.UTF_8));

        assertThat(byUid(b)).containsOnlyKeys(longId + "-SDC-2027-BRU@" + DOMAIN, longId + "-W-DRUGS@" + DOMAIN);
        assertThat(secondText.lines()).as("folded at 75 octets").allMatch(line -> line.length() <= 75);
        assertThat(b.getEvents()).extracting(e -> e.getSummary().getValue())
                .containsExactlyElementsOf(a.getEvents().stream().map(e -> e.getSummary().getValue()).toList());
        assertThat(b.getEvents()).allSatisfy(e -> assertThat(e.getDateTimeStamp()).isNotNull());
        assertThat(a.getEvents()).hasSize(2);
    }
}
