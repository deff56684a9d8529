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
}
