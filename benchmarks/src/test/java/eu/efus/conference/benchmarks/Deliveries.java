package eu.efus.conference.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The confirmations one phase of the email benchmark expects and what the inbox shows of them: every registration
 * answered 201 expects exactly one email at its address (unique per registration, with a prefix unique to the phase
 * and the run). Latency of an email = when the mail server received it − when the 201 answer was read, both from the
 * clock of this machine, in milliseconds.
 */
final class Deliveries {

    /** When one accepted registration was sent and when its 201 answer was read (epoch milliseconds). */
    record Accepted(long sentAt, long answeredAt) {
    }

    final String name;
    final String prefix;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final AtomicLong firstSentAt = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAnsweredAt = new AtomicLong();
    private volatile int inboxBefore;

    // Filled by match(): the inbox read after the phase.
    private final Map<String, List<Instant>> received = new HashMap<>();
    private int unexpected;
    private int missing;
    private int duplicates;
    private int beforeAnswer;
    private final Histogram latencyMillis = new Histogram(3);
    private final List<Instant> arrivals = new ArrayList<>();
    private volatile boolean matched;
    private volatile String waitOutcome = "not waited for";
    private volatile String stages = "";

    /** {@code prefix} e.g. {@code mail-20260101-120000-backlog-}: every address of the phase starts with it. */
    Deliveries(String name, String prefix) {
        this.name = name;
        this.prefix = prefix;
    }

    String nextAddress() {
        return prefix + sequence.incrementAndGet() + "@example.org";
    }

    void accepted(String address, long sentAt, long answeredAt) {
        accepted.put(address.toLowerCase(java.util.Locale.ROOT), new Accepted(sentAt, answeredAt));
        firstSentAt.accumulateAndGet(sentAt, Math::min);
        lastAnsweredAt.accumulateAndGet(answeredAt, Math::max);
    }

    /** A registration that was sent, whatever its answer: the phase starts with the first one. */
    void sent(long sentAt) {
        firstSentAt.accumulateAndGet(sentAt, Math::min);
    }

    int expected() {
        return accepted.size();
    }

    long firstSentAt() {
        return firstSentAt.get();
    }

    long lastAnsweredAt() {
        return lastAnsweredAt.get();
    }

    void inboxBefore(int count) {
        inboxBefore = count;
    }

    int inboxBefore() {
        return inboxBefore;
    }

    void waitOutcome(String outcome) {
        waitOutcome = outcome;
    }

    String waitOutcome() {
        return waitOutcome;
    }

    String stages() {
        return stages;
    }

    void stages(String stages) {
        this.stages = stages;
    }

    /** When the registration of {@code address} was answered 201 (epoch milliseconds). */
    long answeredAt(String address) {
        return accepted.get(address).answeredAt();
    }

    /** The first email to {@code address}, or null. */
    synchronized Instant firstReceived(String address) {
        List<Instant> times = received.get(address);
        return times == null || times.isEmpty() ? null : times.get(0);
    }

    /** Up to {@code n} accepted addresses spread evenly over the order of their 201 answers. */
    List<String> sample(int n) {
        List<Map.Entry<String, Accepted>> byAnswer = new ArrayList<>(accepted.entrySet());
        byAnswer.sort(Map.Entry.comparingByValue(java.util.Comparator.comparingLong(Accepted::answeredAt)));
        List<String> sample = new ArrayList<>();
        if (byAnswer.isEmpty() || n <= 0) {
            return sample;
        }
        int size = byAnswer.size();
        int k = Math.min(n, size);
        for (int i = 0; i < k; i++) {
            // Evenly spaced, the first and the last answered included.
            int index = k == 1 ? size - 1 : (int) Math.round(i * (size - 1) / (double) (k - 1));
            sample.add(byAnswer.get(index).getKey());
        }
        return sample;
    }

    /** How many of the expected addresses have at least one email in {@code mails}. */
    int found(List<Inbox.Mail> mails) {
        int found = 0;
        var seen = new java.util.HashSet<String>();
        for (Inbox.Mail mail : mails) {
            if (accepted.containsKey(mail.address()) && seen.add(mail.address())) {
                found++;
            }
        }
        return found;
    }

    /** Matches the inbox's messages for this phase's prefix with the accepted registrations. */
    synchronized void match(List<Inbox.Mail> mails) {
        received.clear();
        arrivals.clear();
        latencyMillis.reset();
        unexpected = 0;
        beforeAnswer = 0;
        for (Inbox.Mail mail : mails) {
            if (!mail.address().startsWith(prefix) || mail.received() == null) {
                continue;
            }
            received.computeIfAbsent(mail.address(), a -> new ArrayList<>()).add(mail.received());
        }
        for (Map.Entry<String, List<Instant>> entry : received.entrySet()) {
            Accepted a = accepted.get(entry.getKey());
            if (a == null) {
                // A registration that went through without its 201 reaching the benchmark (e.g. a timeout).
                unexpected += entry.getValue().size();
                continue;
            }
            entry.getValue().sort(null);
            Instant first = entry.getValue().get(0);
            arrivals.add(first);
            long latency = first.toEpochMilli() - a.answeredAt();
            if (latency < 0) {
                beforeAnswer++;
            }
            latencyMillis.recordValue(Math.max(0, latency));
        }
        arrivals.sort(null);
        duplicates = received.entrySet().stream().filter(e -> accepted.containsKey(e.getKey()))
                .mapToInt(e -> e.getValue().size() - 1).sum();
        missing = expected() - arrivals.size();
        matched = true;
    }

    boolean matched() {
        return matched;
    }

    int receivedCount() {
        return arrivals.size();
    }

    int missing() {
        return missing;
    }

    int duplicates() {
        return duplicates;
    }

    /** Emails for addresses of this phase whose registration did not get a 201 answer. */
    int unexpected() {
        return unexpected;
    }

    /** Emails received before the benchmark had read their registration's 201 answer (counted as latency 0). */
    int beforeAnswer() {
        return beforeAnswer;
    }

    /** The first email per expected address, in order of arrival. */
    List<Instant> arrivals() {
        return arrivals;
    }

    double latencySeconds(double percentile) {
        return latencyMillis.getTotalCount() == 0 ? Double.NaN : latencyMillis.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxLatencySeconds() {
        return latencyMillis.getTotalCount() == 0 ? Double.NaN : latencyMillis.getMaxValue() / 1000.0;
    }

    /** Emails received per second from the first to the last, both included; NaN with fewer than two. */
    double spanRate() {
        if (arrivals.size() < 2) {
            return Double.NaN;
        }
        double seconds = (arrivals.get(arrivals.size() - 1).toEpochMilli() - arrivals.get(0).toEpochMilli()) / 1000.0;
        return seconds <= 0 ? Double.NaN : (arrivals.size() - 1) / seconds;
    }

    /** The most arrivals in any window of {@code seconds}, per second; NaN when the arrivals span less than that. */
    double peakRate(int seconds) {
        long window = seconds * 1000L;
        if (arrivals.size() < 2 || lastArrival() - arrivals.get(0).toEpochMilli() < window) {
            return Double.NaN;
        }
        int best = 0;
        int from = 0;
        for (int to = 0; to < arrivals.size(); to++) {
            long end = arrivals.get(to).toEpochMilli();
            while (end - arrivals.get(from).toEpochMilli() >= window) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best / (double) seconds;
    }

    /** Arrivals at or before {@code epochMillis}. */
    int arrivedBy(long epochMillis) {
        int n = 0;
        for (Instant arrival : arrivals) {
            if (arrival.toEpochMilli() <= epochMillis) {
                n++;
            }
        }
        return n;
    }

    long lastArrival() {
        return arrivals.isEmpty() ? 0 : arrivals.get(arrivals.size() - 1).toEpochMilli();
    }

    /**
     * Arrivals per second in consecutive slices of {@code sliceSeconds} from the phase's first registration; the last
     * slice is divided by its own length (up to the last arrival).
     */
    List<Double> slices(int sliceSeconds) {
        List<Double> rates = new ArrayList<>();
        if (arrivals.isEmpty()) {
            return rates;
        }
        long start = firstSentAt();
        long slice = sliceSeconds * 1000L;
        int count = (int) (Math.max(0, lastArrival() - start) / slice) + 1;
        int[] counts = new int[count];
        for (Instant arrival : arrivals) {
            counts[(int) (Math.max(0, arrival.toEpochMilli() - start) / slice)]++;
        }
        for (int i = 0; i < count; i++) {
            double seconds = i < count - 1 ? sliceSeconds : Math.max(1, lastArrival() - start - i * slice) / 1000.0;
            rates.add(counts[i] / seconds);
        }
        return rates;
    }
}
