package eu.efus.conference.accreditation.accreditation;

import static eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Action.ANSWER;
import static eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Action.APPROVE;
import static eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Action.ASK_FOR_INFO;
import static eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Action.REJECT;
import static eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Action.WITHDRAW;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.APPROVED;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.NEEDS_INFO;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.PENDING;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.REJECTED;
import static eu.efus.conference.accreditation.accreditation.AccreditationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Action;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Move;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Refused;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Step;
import eu.efus.conference.accreditation.accreditation.AccreditationLifecycle.Unchanged;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (state, action) pair of an accreditation request, written out: the expected outcome of each. */
class AccreditationLifecycleTest {

    /** Expected outcome: a target state for a move, "UNCHANGED" for a no-op repeat, "REFUSED" otherwise. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // from PENDING
                Arguments.of(PENDING, APPROVE, "APPROVED"),
                Arguments.of(PENDING, REJECT, "REJECTED"),
                Arguments.of(PENDING, ASK_FOR_INFO, "NEEDS_INFO"),
                Arguments.of(PENDING, WITHDRAW, "WITHDRAWN"),
                Arguments.of(PENDING, ANSWER, "REFUSED"),
                // from NEEDS_INFO
                Arguments.of(NEEDS_INFO, ANSWER, "PENDING"),
                Arguments.of(NEEDS_INFO, APPROVE, "APPROVED"),
                Arguments.of(NEEDS_INFO, REJECT, "REJECTED"),
                Arguments.of(NEEDS_INFO, ASK_FOR_INFO, "NEEDS_INFO"),
                Arguments.of(NEEDS_INFO, WITHDRAW, "WITHDRAWN"),
                // APPROVED is final
                Arguments.of(APPROVED, APPROVE, "UNCHANGED"),
                Arguments.of(APPROVED, REJECT, "REFUSED"),
                Arguments.of(APPROVED, ASK_FOR_INFO, "REFUSED"),
                Arguments.of(APPROVED, ANSWER, "REFUSED"),
                Arguments.of(APPROVED, WITHDRAW, "REFUSED"),
                // REJECTED is final
                Arguments.of(REJECTED, REJECT, "UNCHANGED"),
                Arguments.of(REJECTED, APPROVE, "REFUSED"),
                Arguments.of(REJECTED, ASK_FOR_INFO, "REFUSED"),
                Arguments.of(REJECTED, ANSWER, "REFUSED"),
                Arguments.of(REJECTED, WITHDRAW, "REFUSED"),
                // WITHDRAWN is final
                Arguments.of(WITHDRAWN, WITHDRAW, "UNCHANGED"),
                Arguments.of(WITHDRAWN, APPROVE, "REFUSED"),
                Arguments.of(WITHDRAWN, REJECT, "REFUSED"),
                Arguments.of(WITHDRAWN, ASK_FOR_INFO, "REFUSED"),
                Arguments.of(WITHDRAWN, ANSWER, "REFUSED"));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("matrix")
    void everyTransitionIsExplicit(AccreditationStatus from, Action action, String expected) {
        Step step = AccreditationLifecycle.next(from, action);
        switch (expected) {
            case "UNCHANGED" -> assertThat(step).isEqualTo(new Unchanged(from));
            case "REFUSED" -> {
                assertThat(step).isInstanceOf(Refused.class);
                Refused refused = (Refused) step;
                assertThat(refused.status()).isEqualTo(from);
                assertThat(refused.action()).isEqualTo(action);
                assertThat(refused.reason()).isNotBlank();
            }
            default -> assertThat(step).isEqualTo(new Move(from, AccreditationStatus.valueOf(expected)));
        }
    }

    @Test
    void theMatrixCoversEveryStateAndActionExactlyOnce() {
        List<Arguments> rows = matrix().toList();
        Set<List<Object>> pairs = new HashSet<>();
        rows.forEach(row -> pairs.add(List.of(row.get()[0], row.get()[1])));
        assertThat(pairs).hasSize(rows.size());
        assertThat(rows).hasSize(AccreditationStatus.values().length * Action.values().length);
    }

    @Test
    void finalStatesOnlyEverAcceptTheirOwnActionAgain() {
        for (AccreditationStatus status : AccreditationStatus.values()) {
            if (!status.isFinal()) {
                continue;
            }
            long unchanged = Arrays.stream(Action.values())
                    .filter(a -> AccreditationLifecycle.next(status, a) instanceof Unchanged).count();
            long moves = Arrays.stream(Action.values())
                    .filter(a -> AccreditationLifecycle.next(status, a) instanceof Move).count();
            assertThat(unchanged).as(status.name()).isEqualTo(1);
            assertThat(moves).as(status.name()).isZero();
        }
    }

    @Test
    void activeStatesAreTheOnesThatBlockASecondRequest() {
        assertThat(Arrays.stream(AccreditationStatus.values()).filter(AccreditationStatus::active))
                .containsExactlyInAnyOrder(PENDING, NEEDS_INFO, APPROVED);
    }

    @Test
    void decisionsMapToActionsAndNeedAReasonUnlessApproving() {
        assertThat(Decision.APPROVED.action()).isEqualTo(APPROVE);
        assertThat(Decision.REJECTED.action()).isEqualTo(REJECT);
        assertThat(Decision.NEEDS_INFO.action()).isEqualTo(ASK_FOR_INFO);
        assertThat(Decision.APPROVED.needsReason()).isFalse();
        assertThat(Decision.REJECTED.needsReason()).isTrue();
        assertThat(Decision.NEEDS_INFO.needsReason()).isTrue();
    }

    @Test
    void theDomainClassKnowsNothingOfSpringOrMongo() throws Exception {
        // Cheap architecture check: the lifecycle's compiled form references no framework type.
        String bytecode;
        try (var in = AccreditationLifecycle.class.getResourceAsStream("AccreditationLifecycle.class")) {
            bytecode = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertThat(bytecode).doesNotContain("org/springframework").doesNotContain("com/mongodb").doesNotContain("org/bson");
    }
}
