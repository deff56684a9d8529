package eu.efus.conference.accreditation.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.efus.conference.contracts.EventDetails;
import eu.efus.conference.contracts.LocalizedText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copy of an event: the request window rule (the same as registrations') and the summary used in emails. */
class PressEventTest {

    static final OffsetDateTime STARTS = OffsetDateTime.parse("2027-03-17T09:00:00+01:00");

    static EventDetails details(OffsetDateTime opens, OffsetDateTime closes) {
        return new EventDetails("SDC-2027-BRU", "CONFERENCE", new LocalizedText("SDV", "SDC"), "Square", "Brussels", "BE",
                STARTS, STARTS.plusDays(2), "Europe/Brussels", List.of("fr", "en"), opens, closes, 40);
    }

    @Test
    void requestsAreOpenInsideTheWindowAndBeforeTheEventEnds() {
        OffsetDateTime opens = OffsetDateTime.parse("2026-11-01T00:00:00+01:00");
        OffsetDateTime closes = OffsetDateTime.parse("2027-03-14T23:59:00+01:00");
        PressEvent event = PressEvent.of(details(opens, closes), Instant.EPOCH, Instant.EPOCH);
        assertThat(event.requestsOpen(opens.toInstant().minusMillis(1))).isFalse();
        assertThat(event.requestsOpen(opens.toInstant())).isTrue();
        assertThat(event.requestsOpen(closes.toInstant().minusMillis(1))).isTrue();
        assertThat(event.requestsOpen(closes.toInstant())).as("the window is half-open").isFalse();

        PressEvent noWindow = PressEvent.of(details(null, null), Instant.EPOCH, Instant.EPOCH);
        assertThat(noWindow.requestsOpen(STARTS.toInstant().plusSeconds(3600))).as("during the event").isTrue();
        assertThat(noWindow.requestsOpen(STARTS.plusDays(2).toInstant())).as("once it ended").isFalse();
    }

    @Test
    void theSummaryKeepsTheEventsOwnOffsetAndTheQuotaIsCopied() {
        PressEvent event = PressEvent.of(details(null, null), Instant.EPOCH, Instant.EPOCH);
        assertThat(event.summary().startsAt()).isEqualTo(STARTS);
        assertThat(event.summary().startsAt().getOffset().getId()).isEqualTo("+01:00");
        assertThat(event.summary().code()).isEqualTo("SDC-2027-BRU");
        assertThat(event.pressQuota()).isEqualTo(40);
    }

    @Test
    void unusableFactsAreRefused() {
        EventDetails d = details(null, null);
        assertThatThrownBy(() -> PressEvent.of(null, Instant.EPOCH, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PressEvent.of(new EventDetails(" ", d.kind(), d.title(), d.venue(), d.city(), d.country(),
                d.startsAt(), d.endsAt(), d.timezone(), d.languages(), null, null, null), Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PressEvent.of(new EventDetails(d.code(), d.kind(), d.title(), d.venue(), d.city(), d.country(),
                d.startsAt(), d.endsAt(), "Mars/Olympus", d.languages(), null, null, null), Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
