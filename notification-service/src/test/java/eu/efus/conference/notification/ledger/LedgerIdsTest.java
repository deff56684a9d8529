package eu.efus.conference.notification.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerIdsTest {

    private static final String EVENT = "6f9c1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f";

    @Test
    void theSameCauseGivesTheSameIdForever() {
        String id = LedgerIds.forEvent(EVENT, "registration-confirmed", "ana.example@example.org");
        assertThat(id).isEqualTo(LedgerIds.forEvent(EVENT, "registration-confirmed", "ana.example@example.org"))
                // Pinned: entries written by an older version must still be found by a replay after an upgrade.
                .isEqualTo("n-197f4261-d086-316f-ae4f-b3650c55d8e9")
                .isEqualTo(LedgerIds.forEvent(EVENT, "registration-confirmed", " Ana.Example@EXAMPLE.org "));
    }

    @Test
    void anyOtherEventTemplateOrRecipientGivesAnotherId() {
        String id = LedgerIds.forEvent(EVENT, "registration-confirmed", "ana.example@example.org");
        assertThat(LedgerIds.forEvent("0b5e8f0e-5c3a-4d7e-9a51-6f1b2c3d4e5f", "registration-confirmed", "ana.example@example.org"))
                .isNotEqualTo(id);
        assertThat(LedgerIds.forEvent(EVENT, "registration-cancelled", "ana.example@example.org")).isNotEqualTo(id);
        assertThat(LedgerIds.forEvent(EVENT, "registration-confirmed", "bob@example.org")).isNotEqualTo(id);
        assertThat(LedgerIds.random()).startsWith("n-").isNotEqualTo(LedgerIds.random());
    }

    @Test
    void anEmailSentOncePerRequestHasOneIdWhateverEventAsksForIt() {
        String id = LedgerIds.forAggregate("a-9Xc4Lm2Qw", "accreditation-received", "marc.example@press.example");
        assertThat(id).startsWith("n-")
                .isEqualTo(LedgerIds.forAggregate("a-9Xc4Lm2Qw", "accreditation-received", " Marc.Example@PRESS.example"))
                // Pinned, like the event-based ids.
                .isEqualTo("n-74f81fdc-75f4-38fc-a5ff-1e5b9e7b5ae8")
                // Never the id of an event-based entry, even if an event id looked like an aggregate id.
                .isNotEqualTo(LedgerIds.forEvent("a-9Xc4Lm2Qw", "accreditation-received", "marc.example@press.example"));
        assertThat(LedgerIds.forAggregate("a-other", "accreditation-received", "marc.example@press.example")).isNotEqualTo(id);
        assertThat(LedgerIds.forAggregate("a-9Xc4Lm2Qw", "accreditation-rejected", "marc.example@press.example"))
                .isNotEqualTo(id);
    }
}
