package eu.efus.conference.accreditation;

import eu.efus.conference.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.accreditation.quota.PressQuota;
import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.EventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Officers deciding at the same moment, and the press quota under bursts. The rule: the first decision wins; a
 * simultaneous identical decision answers 200 unchanged; a contradicting one answers 409.
 */
class ConcurrencyIT extends AccreditationServiceITBase {

    @Autowired
    PressQuota quota;

    /** Runs every call at the same moment (a latch opens them together) and returns the answers in order. */
    static List<Response> simultaneously(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.call();
                }));
            }
            ready.await();
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static long decisionsIn(JsonNode history) {
        long n = 0;
        for (JsonNode entry : history) {
            if (!"journalist".equals(entry.get("by").asString())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void twentySimultaneousApprovalsByTwoOfficersChangeTheStateOnce() throws Exception {
        String code = openEvent(40);
        Submitted s = submit(code, uniqueEmail());
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = i % 2 == 0 ? "officer-a" : "officer-b";
            calls.add(() -> decide(s.id(), "APPROVED", null, name));
        }
        List<Response> responses = simultaneously(calls);

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.text("status")).isEqualTo("APPROVED");
        });
        String winner = responses.get(0).text("decidedBy");
        assertThat(winner).isIn("officer-a", "officer-b");
        assertThat(responses).as("everyone sees the one decision that was recorded")
                .allSatisfy(r -> assertThat(r.text("decidedBy")).isEqualTo(winner));

        AccreditationApproved fact = awaitEvent(s.id(), EventTypes.ACCREDITATION_APPROVED).dataAs(AccreditationApproved.class);
        assertThat(fact.decidedBy()).isEqualTo(winner);
        assertStays(s.id(), EventTypes.ACCREDITATION_APPROVED, 1);
        JsonNode history = staffView(s.id()).body().get("history");
        assertThat(decisionsIn(history)).isEqualTo(1);
        assertThat(history.get(1).get("to").asString()).isEqualTo("APPROVED");
        assertThat(quota.holders(code)).containsExactly(s.id());
    }

    @Test
    void tenApprovalsAgainstTenRejectionsHaveOneWinnerAndTheContradictionsGet409() throws Exception {
        String code = openEvent(40);
        Submitted s = submit(code, uniqueEmail());
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean approve = i % 2 == 0;
            calls.add(approve ? () -> decide(s.id(), "APPROVED", null, "officer-a")
                    : () -> decide(s.id(), "REJECTED", "Not press", "officer-b"));
        }
        List<Response> responses = simultaneously(calls);

        String outcome = staffView(s.id()).text("status");
        assertThat(outcome).isIn("APPROVED", "REJECTED");
        boolean approvedWon = outcome.equals("APPROVED");
        for (int i = 0; i < responses.size(); i++) {
            Response r = responses.get(i);
            boolean sameSideAsWinner = (i % 2 == 0) == approvedWon;
            if (sameSideAsWinner) {
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
                assertThat(r.text("status")).isEqualTo(outcome);
            } else {
                assertThat(r.status()).as(r.raw()).isEqualTo(409);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        String decisionType = approvedWon ? EventTypes.ACCREDITATION_APPROVED : EventTypes.ACCREDITATION_REJECTED;
        String otherType = approvedWon ? EventTypes.ACCREDITATION_REJECTED : EventTypes.ACCREDITATION_APPROVED;
        awaitEvent(s.id(), decisionType);
        assertStays(s.id(), decisionType, 1);
        assertThat(count(s.id(), otherType)).isZero();
        assertThat(decisionsIn(staffView(s.id()).body().get("history"))).isEqualTo(1);
        assertThat(quota.holders(code).contains(s.id())).as("a slot is held exactly when approved").isEqualTo(approvedWon);
    }

    @Test
    void approvingBeyondThePressQuotaIsRefusedNamingIt() throws Exception {
        String code = openEvent(1);
        Submitted first = submit(code, uniqueEmail());
        Submitted second = submit(code, uniqueEmail());
        assertThat(decide(first.id(), "APPROVED", null, "anna").status()).isEqualTo(200);
        Response refused = decide(second.id(), "APPROVED", null, "anna");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).isEqualTo("The press quota of 1 for " + code + " is reached");

        assertThat(staffView(first.id()).text("status")).isEqualTo("APPROVED");
        assertThat(staffView(second.id()).text("status")).as("the refused one is untouched").isEqualTo("PENDING");
        Response again = decide(first.id(), "APPROVED", null, "bob");
        assertThat(again.status()).as("re-approving the approved one").isEqualTo(200);
        assertThat(again.text("decidedBy")).isEqualTo("anna");
        assertStays(first.id(), EventTypes.ACCREDITATION_APPROVED, 1);
        assertThat(count(second.id(), EventTypes.ACCREDITATION_APPROVED)).isZero();
        assertThat(quota.holders(code)).containsExactly(first.id());

        // The organiser raises the quota: the second journalist can now be approved.
        announce(EventTypes.EVENT_UPDATED, withQuota(openEventDetails(code, 1), 2), java.time.OffsetDateTime.now());
        awaitCopy(code, copy -> Integer.valueOf(2).equals(copy.pressQuota()));
        assertThat(decide(second.id(), "APPROVED", null, "anna").status()).isEqualTo(200);
    }

    @Test
    void aBurstOfApprovalsForDifferentRequestsNeverExceedsTheQuota() throws Exception {
        String code = openEvent(5);
        List<Submitted> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(submit(code, uniqueEmail()));
        }
        List<Callable<Response>> calls = new ArrayList<>();
        for (Submitted s : requests) {
            calls.add(() -> decide(s.id(), "APPROVED", null, "anna"));
        }
        List<Response> responses = simultaneously(calls);
        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(5);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.text("detail")).contains("press quota of 5"));
        Response approved = call("GET", "/api/accreditations?event=" + code + "&status=APPROVED", null,
                "Authorization", officer("anna"));
        assertThat(approved.body()).hasSize(5);
        assertThat(quota.holders(code)).hasSize(5);
    }

    @Test
    void slotsOfRequestsThatCanNoLongerBeApprovedAreGivenBack() throws Exception {
        String code = openEvent(1);
        Submitted lostRace = submit(code, uniqueEmail());
        Submitted other = submit(code, uniqueEmail());
        // What an approval that lost a race (or crashed) leaves: a slot held by a request that is still PENDING.
        assertThat(quota.reserve(code, 1, lostRace.id())).isTrue();
        assertThat(decide(other.id(), "APPROVED", null, "anna").status())
                .as("the slot may still be used by an officer approving that request right now").isEqualTo(409);
        assertThat(decide(lostRace.id(), "REJECTED", "Duplicate of another request", "anna").status()).isEqualTo(200);
        assertThat(quota.holders(code)).as("a rejected request gives its slot back").isEmpty();

        // A slot left by a request that ended REJECTED/WITHDRAWN without releasing it (a crash) is reclaimed on demand.
        assertThat(quota.reserve(code, 1, lostRace.id())).isTrue();
        Response approved = decide(other.id(), "APPROVED", null, "anna");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(quota.holders(code)).containsExactly(other.id());
    }

    @Test
    void aWithdrawnRequestGivesItsSlotBack() throws Exception {
        String code = openEvent(1);
        Submitted s = submit(code, uniqueEmail());
        assertThat(quota.reserve(code, 1, s.id())).isTrue();
        assertThat(call("DELETE", "/api/accreditations/" + s.id(), null, "X-Manage-Token", s.token()).status()).isEqualTo(200);
        assertThat(quota.holders(code)).isEmpty();
    }
}
