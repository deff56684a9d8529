package eu.efus.conference.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.Participant;
import eu.efus.conference.contracts.RegistrationCheckedIn;
import eu.efus.conference.kit.problem.Refusal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admissions as the aggregate records them: once each, the earliest time kept, refused without a seat. */
class RegistrationCheckInTest {

    private static final Instant NOON = Instant.parse("2027-03-18T12:00:00Z");

    private static Registration registration(RegistrationStatus status, Registration.SessionChoice... sessions) {
        return new Registration("r-1", "SDC", status == RegistrationStatus.CANCELLED ? null : "SDC|ana@example.org", null,
                "", status, new Participant("Ana", "Example", "ana@example.org", "City", "PT", "POLICE"), "en", null, null,
                false, List.of(sessions), null, null, List.of(), "key", NOON.minusSeconds(86_400), NOON.minusSeconds(86_400),
                null, null, null, null, 3);
    }

    private static Registration.SessionChoice choice(String code, SessionStatus status) {
        return new Registration.SessionChoice(code, status, status == SessionStatus.WAITLISTED ? 7L : null, null);
    }

    private static RegistrationCheckedIn fact(Registration.Change change, int index) {
        assertThat(change.facts().get(index).type()).isEqualTo(EventTypes.REGISTRATION_CHECKED_IN);
        return change.facts().get(index).dataAs(RegistrationCheckedIn.class);
    }

    @Test
    void theFirstArrivalIsRecordedAndToldOnceAndAScanAgainChangesNothing() {
        Registration confirmed = registration(RegistrationStatus.CONFIRMED);
        Registration.Change first = confirmed.checkIn(null, NOON, "desk-1", NOON).orElseThrow();
        assertThat(first.after().checkedInAt()).isEqualTo(NOON);
        assertThat(first.after().checkedInBy()).isEqualTo("desk-1");
        assertThat(first.after().updatedAt()).isEqualTo(NOON);
        assertThat(first.facts()).hasSize(1);
        assertThat(fact(first, 0)).isEqualTo(new RegistrationCheckedIn("r-1", "SDC", null, NOON.atOffset(ZoneOffset.UTC),
                "desk-1"));

        Registration after = first.after();
        assertThat(after.checkIn(null, NOON.plusSeconds(60), "desk-2", NOON.plusSeconds(60))).isEmpty();
        assertThat(after.checkIn(null, NOON, "desk-2", NOON.plusSeconds(60))).isEmpty();
    }

    @Test
    void anEarlierTimeFromAnOfflineDeskMovesTheArrivalBackWithoutANewFact() {
        Registration arrived = registration(RegistrationStatus.CONFIRMED).checkIn(null, NOON, "desk-1", NOON)
                .orElseThrow().after();
        Registration.Change earlier = arrived.checkIn(null, NOON.minusSeconds(600), "desk-offline", NOON.plusSeconds(5))
                .orElseThrow();
        assertThat(earlier.after().checkedInAt()).isEqualTo(NOON.minusSeconds(600));
        assertThat(earlier.after().checkedInBy()).isEqualTo("desk-offline");
        assertThat(earlier.facts()).isEmpty();
    }

    @Test
    void boardingASessionRecordsItAndTheArrivalAtTheEventWhenNoneWasRecorded() {
        Registration confirmed = registration(RegistrationStatus.CONFIRMED, choice("FV", SessionStatus.CONFIRMED),
                choice("WS", SessionStatus.CONFIRMED));
        Registration.Change boarding = confirmed.checkIn("FV", NOON, "bus", NOON).orElseThrow();
        assertThat(boarding.after().session("FV").orElseThrow().checkedInAt()).isEqualTo(NOON);
        assertThat(boarding.after().session("WS").orElseThrow().checkedInAt()).isNull();
        assertThat(boarding.after().checkedInAt()).isEqualTo(NOON);
        assertThat(boarding.facts()).hasSize(2);
        assertThat(fact(boarding, 0).session()).isNull();
        assertThat(fact(boarding, 1).session()).isEqualTo("FV");
        assertThat(boarding.after().admittedAt("FV")).isEqualTo(NOON);

        // Boarding another session later tells only that boarding; the arrival stays the first one.
        Registration.Change workshop = boarding.after().checkIn("WS", NOON.plusSeconds(3600), "door", NOON.plusSeconds(3600))
                .orElseThrow();
        assertThat(workshop.facts()).singleElement().satisfies(f -> assertThat(f.dataAs(RegistrationCheckedIn.class)
                .session()).isEqualTo("WS"));
        assertThat(workshop.after().checkedInAt()).isEqualTo(NOON);
        assertThat(workshop.after().checkedInBy()).isEqualTo("bus");
        assertThat(workshop.after().checkIn("WS", NOON.plusSeconds(4000), "door", NOON.plusSeconds(4000))).isEmpty();
    }

    @Test
    void noSeatNoAdmission() {
        assertThatThrownBy(() -> registration(RegistrationStatus.CANCELLED).checkIn(null, NOON, "d", NOON))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(r.getMessage()).contains("cancelled");
                });
        assertThatThrownBy(() -> registration(RegistrationStatus.WAITLISTED).checkIn(null, NOON, "d", NOON))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.getMessage()).contains("waiting list of the event"));
        assertThatThrownBy(() -> registration(RegistrationStatus.ALLOCATING).checkIn(null, NOON, "d", NOON))
                .isInstanceOf(Refusal.class);

        Registration confirmed = registration(RegistrationStatus.CONFIRMED, choice("FV", SessionStatus.WAITLISTED),
                choice("WS", SessionStatus.CONFIRMED));
        assertThatThrownBy(() -> confirmed.checkIn("FV", NOON, "bus", NOON))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.getMessage()).contains("waiting list of session FV"));
        assertThatThrownBy(() -> confirmed.checkIn("PL", NOON, "door", NOON))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.getMessage()).contains("did not choose session PL"));
    }
}
