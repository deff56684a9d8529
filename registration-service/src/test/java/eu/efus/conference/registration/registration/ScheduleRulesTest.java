package eu.efus.conference.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.LocalizedText;
import eu.efus.conference.kit.problem.FieldProblem;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventKind;
import eu.efus.conference.registration.catalog.SessionKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRulesTest {

    private static ConferenceEvent.Session session(String code, String from, String to) {
        return new ConferenceEvent.Session(code, SessionKind.WORKSHOP, new LocalizedText("fr", "en"), Instant.parse(from),
                Instant.parse(to), "en", 10);
    }

    private static final ConferenceEvent EVENT = new ConferenceEvent("SDC", EventKind.CONFERENCE,
            new LocalizedText("f", "e"), null, "Brussels", "BE", Instant.parse("2027-03-17T08:00:00Z"),
            Instant.parse("2027-03-19T12:00:00Z"), "Europe/Brussels", List.of("fr", "en"), 800, null, null, null,
            List.of(session("W-A", "2027-03-17T13:00:00Z", "2027-03-17T14:30:00Z"),
                    session("W-B", "2027-03-17T14:00:00Z", "2027-03-17T15:30:00Z"),
                    session("W-C", "2027-03-17T14:30:00Z", "2027-03-17T16:00:00Z")),
            Instant.EPOCH, Instant.EPOCH);

    @Test
    void overlappingSessionsAreRefusedNamingBoth() {
        List<FieldProblem> problems = ScheduleRules.check(EVENT, List.of("W-A", "W-B"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("sessions");
            assertThat(p.message()).contains("W-A").contains("W-B");
        });
    }

    @Test
    void sessionsThatOnlyTouchDoNotConflict() {
        assertThat(ScheduleRules.check(EVENT, List.of("W-A", "W-C"))).isEmpty();
    }

    @Test
    void unknownAndRepeatedSessionsAreNamedByPosition() {
        List<FieldProblem> problems = ScheduleRules.check(EVENT, List.of("W-A", "NOPE", "W-A"));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("sessions[1]", "sessions[2]");
    }

    @Test
    void noSessionsIsFine() {
        assertThat(ScheduleRules.check(EVENT, List.of())).isEmpty();
    }
}
