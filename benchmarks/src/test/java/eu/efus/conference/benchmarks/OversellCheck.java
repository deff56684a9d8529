package eu.efus.conference.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A burst of registrations at one small workshop: exactly its capacity may be CONFIRMED, the rest must hold waiting
 * list positions 1..n with no gap or repeat, and the public view must agree.
 */
final class OversellCheck {

    private record Answer(int status, String seat, Integer position, int attempts) {
    }

    private final int capacity;
    private final int burst;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile String verdict = "not run";

    OversellCheck(int capacity, int burst) {
        this.capacity = capacity;
        this.burst = burst;
    }

    /** The final answer to one registration of the burst, after {@code attempts} sends. */
    void record(int status, String body, int attempts) {
        String seat = null;
        Integer position = null;
        if (status == 201 && body != null) {
            try {
                JsonNode s = BenchEvents.session(BenchEvents.JSON.readTree(body), BenchEvents.OVERSELL_WORKSHOP);
                seat = s.path("status").asText(null);
                position = s.path("waitlistPosition").isNumber() ? s.path("waitlistPosition").asInt() : null;
            } catch (Exception e) {
                seat = "unreadable answer";
            }
        }
        answers.add(new Answer(status, seat, position, attempts));
    }

    /** "PASS" or "FAIL: …" from the burst's answers and the event's public view read afterwards. */
    String judge(String eventBody) {
        List<String> problems = new ArrayList<>();
        int expectedConfirmed = Math.min(capacity, burst);
        int expectedWaiting = burst - expectedConfirmed;
        List<Answer> all = new ArrayList<>(answers);
        long created = all.stream().filter(a -> a.status() == 201).count();
        long confirmed = all.stream().filter(a -> "CONFIRMED".equals(a.seat())).count();
        List<Integer> positions = all.stream().filter(a -> "WAITLISTED".equals(a.seat()))
                .map(a -> a.position() == null ? -1 : a.position()).sorted().collect(Collectors.toList());
        List<Integer> expectedPositions = IntStream.rangeClosed(1, expectedWaiting).boxed().collect(Collectors.toList());
        Map<Integer, Long> statuses = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting())));
        if (created != burst) {
            problems.add("201 answers " + created + " of " + burst + " " + statuses);
        }
        if (confirmed != expectedConfirmed) {
            problems.add("CONFIRMED " + confirmed + ", expected " + expectedConfirmed);
        }
        if (!positions.equals(expectedPositions)) {
            problems.add("waiting positions are not exactly 1.." + expectedWaiting + " (" + positions.size() + " given"
                    + (positions.isEmpty() ? "" : ", from " + positions.get(0) + " to " + positions.get(positions.size() - 1)) + ")");
        }
        int seatsLeft = -1;
        int waitlistLength = -1;
        try {
            JsonNode s = BenchEvents.session(BenchEvents.JSON.readTree(eventBody), BenchEvents.OVERSELL_WORKSHOP);
            seatsLeft = s.path("seatsLeft").asInt(-1);
            waitlistLength = s.path("waitlistLength").asInt(-1);
        } catch (Exception e) {
            problems.add("event view unreadable: " + e.getMessage());
        }
        if (seatsLeft != capacity - expectedConfirmed) {
            problems.add("seatsLeft " + seatsLeft + ", expected " + (capacity - expectedConfirmed));
        }
        if (waitlistLength != expectedWaiting) {
            problems.add("waitlistLength " + waitlistLength + ", expected " + expectedWaiting);
        }
        long retried = all.stream().filter(a -> a.attempts() > 1).count();
        String facts = String.format("%d x 201 of %d (%d needed retries), %d CONFIRMED for %d seats, waiting positions %s, read back seatsLeft %d, waitlistLength %d",
                created, burst, retried, confirmed, capacity,
                positions.equals(expectedPositions) ? "1.." + expectedWaiting : "wrong", seatsLeft, waitlistLength);
        verdict = problems.isEmpty() ? "PASS (" + facts + ")" : "FAIL: " + String.join("; ", problems) + " (" + facts + ")";
        return problems.isEmpty() ? "PASS" : verdict;
    }

    String verdict() {
        return verdict;
    }
}
