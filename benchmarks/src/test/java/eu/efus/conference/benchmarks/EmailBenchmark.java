package eu.efus.conference.benchmarks;

import static eu.efus.conference.benchmarks.Summary.say;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The email benchmark: how fast the stack turns registrations into confirmations in the inbox. A backlog of
 * registrations sent as fast as the stack takes them, timed until every confirmation is in the mail server (drain
 * rate); registrations at a fixed pace, each timed from its 201 answer to its email (latency); optionally the backlog
 * again after the ledger has grown. Every figure comes from the web inbox's {@code received} times and the benchmark's
 * own clock, both this machine's.
 */
public class EmailBenchmark extends Simulation {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<String> SESSIONS = List.of(BenchEvents.PLENARY, BenchEvents.WORKSHOP);
    // The last accepted registrations of the ledger fill whose emails must be SENT before the backlog runs again.
    private static final int FILL_TAIL = 5;
    // The embedded mail server keeps every message in the launcher's heap (-Xmx384m, about 25 KB per confirmation):
    // while the ledger fill drains, the inbox is emptied whenever it holds more than this many, checked every
    // PURGE_CHECK_EVERY accepted registrations and every few seconds while waiting.
    private static final int PURGE_ABOVE = 3000;
    private static final int PURGE_CHECK_EVERY = 1000;
    // Accepted registrations per phase whose ledger entries are read to tell where an email's time went, once the
    // phase's emails are all in (on the embedded stack each lookup scans the ledger).
    private static final int LEDGER_SAMPLE = 30;

    private final BenchConfig config = BenchConfig.load();
    private final EmailConfig mail = EmailConfig.load();
    private final String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    private final String runCode = "MAIL-" + stamp;
    private final String runPrefix = "mail-" + stamp.toLowerCase() + "-";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BenchEvents events = new BenchEvents(config, client);
    private final Inbox inbox = new Inbox(client, mail.mailWebUrl());

    private final Phase backlog;
    private final List<Phase> paced = new ArrayList<>();
    private final Phase fill;
    private final Phase backlogAgain;
    private final List<Phase> all = new ArrayList<>();
    private final ConcurrentLinkedDeque<String> fillTail = new ConcurrentLinkedDeque<>();
    private final AtomicLong fillAccepted = new AtomicLong();
    private final AtomicLong fillPurges = new AtomicLong();
    private volatile String fillOutcome = "not run";

    /** One phase: its event, its registrations (PhaseStats) and the emails they expect (Deliveries). */
    record Phase(String event, PhaseStats stats, Deliveries deliveries, boolean backlog, int rate) {
    }

    public EmailBenchmark() {
        backlog = phase("B1", "backlog", "backlog-", mail.clients() + " clients", true, 0);
        for (int rate : mail.pacedRates()) {
            paced.add(phase("P" + rate, "paced " + rate + "/s", "paced" + rate + "-", rate + "/s open", false, rate));
        }
        String grown = "backlog after " + String.format("%,d", mail.ledger());
        fill = mail.ledger() > 0 ? phase("L", "ledger fill", "ledger-", mail.ledgerClients() + " clients", false, 0) : null;
        backlogAgain = mail.ledger() > 0 ? phase("B2", grown, "backlog2-", mail.clients() + " clients", true, 0) : null;

        HttpProtocolBuilder protocol = http.baseUrl(config.gatewayUrl())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                // One keep-alive pool for all virtual users, as in the registration benchmark.
                .shareConnections()
                .disableWarmUp();

        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(step("begin " + backlog.stats().name, () -> begin(backlog, "backlog: " + mail.backlog()
                + " registrations through the gateway, " + mail.clients() + " clients, as fast as they are answered")));
        steps.add(closed(backlog, config.gatewayUrl(), mail.backlog(), mail.clients()));
        steps.add(step("emails of " + backlog.stats().name, () -> awaitEmails(backlog)));
        for (Phase phase : paced) {
            steps.add(step("begin " + phase.stats().name, () -> begin(phase, phase.stats().name + ": " + phase.rate()
                    + " registrations per second through the gateway for " + mail.pacedSeconds() + " s (open workload)")));
            steps.add(scenario(phase.stats().name).exec(register(phase, config.gatewayUrl(), null))
                    .injectOpen(constantUsersPerSec(phase.rate()).during(Duration.ofSeconds(mail.pacedSeconds()))));
            steps.add(step("emails of " + phase.stats().name, () -> awaitEmails(phase)));
        }
        if (fill != null) {
            steps.add(step("begin ledger fill", () -> begin(fill, "ledger fill: " + mail.ledger()
                    + " registrations directly to registration-service, " + mail.ledgerClients() + " clients")));
            steps.add(closed(fill, config.registrationUrl(), mail.ledger(), mail.ledgerClients()));
            steps.add(step("emails of ledger fill", this::awaitFill));
            steps.add(step("begin " + backlogAgain.stats().name, () -> begin(backlogAgain, backlogAgain.stats().name + ": "
                    + mail.backlog() + " registrations through the gateway, " + mail.clients() + " clients")));
            steps.add(closed(backlogAgain, config.gatewayUrl(), mail.backlog(), mail.clients()));
            steps.add(step("emails of " + backlogAgain.stats().name, () -> awaitEmails(backlogAgain)));
        }
        // A Gatling request with a check, so a missing or duplicated email shows in the report and fails the run.
        steps.add(scenario("email check")
                .exec(http("email delivery check").get(inbox.url() + "/api/messages/1")
                        .check(status().transform(ignored -> emailVerdict()).is("PASS")))
                .injectOpen(atOnceUsers(1)));

        // andThen(a, b) starts a and b together; nesting makes each step wait for the whole previous one.
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol).assertions(details("email delivery check").failedRequests().count().is(0L));
    }

    private Phase phase(String codeSuffix, String name, String prefix, String load, boolean isBacklog, int rate) {
        Phase phase = new Phase(runCode + "-" + codeSuffix, new PhaseStats(name, load), new Deliveries(name, runPrefix + prefix),
                isBacklog, rate);
        all.add(phase);
        return phase;
    }

    @Override
    public void before() {
        say("settings: " + mail.describe(config));
        try {
            int before = inbox.count(0);
            say("the inbox at " + inbox.url() + " holds " + before + " messages");
            if (mail.purge() && before > 0) {
                inbox.purge();
                say("emptied the inbox (BENCH_EMAIL_PURGE=false keeps it)");
            } else if (!mail.purge() && mail.ledger() + before > 8000) {
                say("!!! the inbox is not emptied: the embedded mail server keeps every message in the launcher's heap "
                        + "(about 25 KB each, -Xmx384m); " + before + " + " + mail.ledger() + " may exhaust it !!!");
            }
            for (Phase phase : all) {
                events.createMainEvent(phase.event());
            }
            say("created events " + all.stream().map(Phase::event).toList() + " through the organiser API; addresses "
                    + runPrefix + "<phase>-<n>@example.org");
            // Emails still queued from earlier work would be counted in the first phase's drain.
            say("waiting until the inbox has had no new message for " + mail.quietSeconds() + " s");
            awaitQuiet(inbox.count(0));
        } catch (Exception e) {
            throw new IllegalStateException("Set-up failed; is the stack running (./run.sh) and reachable at "
                    + config.gatewayUrl() + " and " + mail.mailWebUrl() + "? " + e.getMessage(), e);
        }
    }

    @Override
    public void after() {
        String summary = EmailSummary.render(runCode, inbox.url(), mail, all, fill, fillOutcome, emailVerdict());
        System.out.println(summary);
        Path file = Summary.write("email-benchmark-summary.txt", summary);
        say("summary written to " + file.toAbsolutePath() + "; HTML report below target/gatling/");
    }

    /** "PASS" when every phase got exactly one email per accepted registration, otherwise what went wrong. */
    private String emailVerdict() {
        List<String> problems = new ArrayList<>();
        for (Phase phase : all) {
            if (phase == fill) {
                continue;
            }
            Deliveries d = phase.deliveries();
            if (!d.matched()) {
                problems.add(d.name + ": not checked (" + d.waitOutcome() + ")");
            } else if (d.missing() > 0 || d.duplicates() > 0) {
                problems.add(d.name + ": " + d.missing() + " missing, " + d.duplicates() + " duplicates of "
                        + d.expected());
            }
        }
        return problems.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", problems);
    }

    // ---------------------------------------------------------------- load

    /**
     * {@code count} registrations sent by {@code clients} clients, each sending its next one as soon as it has an
     * answer (a closed workload), until {@code count} have been accepted; a refused one is sent again under a new
     * address, within a bound so a broken stack cannot loop forever.
     */
    private PopulationBuilder closed(Phase phase, String baseUrl, int count, int clients) {
        AtomicInteger tickets = new AtomicInteger(count);
        Runnable refund = () -> {
            if (phase.stats().errors() <= Math.max(100, count / 10)) {
                tickets.incrementAndGet();
            }
        };
        return scenario(phase.stats().name)
                .exec(asLongAs(session -> tickets.getAndDecrement() > 0).on(register(phase, baseUrl, refund)))
                .injectOpen(atOnceUsers(Math.max(1, clients)));
    }

    /**
     * One registration with a unique address and Idempotency-Key into the phase's event, recorded in the phase's
     * stats whatever its outcome; a 201 is recorded with the wall-clock times it was sent and answered.
     */
    private ChainBuilder register(Phase phase, String baseUrl, Runnable onFailure) {
        String name = phase.stats().name;
        Deliveries deliveries = phase.deliveries();
        return exec(session -> {
            String email = deliveries.nextAddress();
            return session.set("key", UUID.randomUUID().toString()).set("email", email)
                    .set("body", BenchEvents.registration(email, SESSIONS))
                    .set("sentAt", System.currentTimeMillis()).set("t0", System.nanoTime());
        })
                .exec(http(name).post(baseUrl + "/api/events/" + phase.event() + "/registrations")
                        .header("Idempotency-Key", session -> session.getString("key"))
                        .body(StringBody(session -> session.getString("body")))
                        // The saving check first: it keeps the status whatever the validating check below decides.
                        .check(status().saveAs("status"))
                        .check(status().is(201)))
                .exec(session -> {
                    long answeredAt = System.currentTimeMillis();
                    long elapsed = System.nanoTime() - session.getLong("t0");
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    boolean created = status == 201;
                    long sentAt = session.getLong("sentAt");
                    String email = session.getString("email");
                    phase.stats().record(created, status == 0 ? "no answer" : "HTTP " + status, elapsed);
                    deliveries.sent(sentAt);
                    if (created) {
                        deliveries.accepted(email, sentAt, answeredAt);
                        if (phase == fill) {
                            afterFillRegistration(email);
                        }
                    } else if (onFailure != null) {
                        onFailure.run();
                    }
                    // A failed check marks the virtual user as failed; clear it so the loop goes on.
                    return session.markAsSucceeded().removeAll("status", "t0", "sentAt", "email", "key", "body");
                });
    }

    private PopulationBuilder step(String name, Runnable action) {
        return scenario(name).exec(session -> {
            action.run();
            return session;
        }).injectOpen(atOnceUsers(1));
    }

    private void begin(Phase phase, String what) {
        try {
            phase.deliveries().inboxBefore(inbox.count(0));
        } catch (Exception e) {
            throw new IllegalStateException("the inbox at " + inbox.url() + " does not answer: " + e.getMessage(), e);
        }
        say(what);
        phase.stats().begin();
    }

    // ---------------------------------------------------------------- waiting for the emails

    /**
     * Waits until every accepted registration of the phase has its email in the inbox, or nothing new arrived for the
     * grace period, or the longest wait passed; then reads the phase's emails once and matches them; then waits until
     * the inbox has had no new message for the quiet period, so the next phase starts on an empty queue.
     */
    private void awaitEmails(Phase phase) {
        phase.stats().end();
        say(phase.stats().oneLine());
        Deliveries d = phase.deliveries();
        int expected = d.expected();
        say(d.name + ": waiting for " + expected + " emails");
        long start = System.nanoTime();
        long lastGrowth = start;
        long nextList = start;
        long nextReport = start + Duration.ofSeconds(10).toNanos();
        int total = d.inboxBefore();
        String outcome;
        try {
            while (true) {
                int now = inbox.count(total);
                long t = System.nanoTime();
                if (now != total) {
                    lastGrowth = t;
                }
                total = now;
                // The count says enough may be there (or the inbox was emptied meanwhile): read the phase's list.
                if ((total - d.inboxBefore() >= expected || total < d.inboxBefore()) && t >= nextList) {
                    int found = d.found(inbox.list(d.prefix));
                    if (found >= expected) {
                        outcome = "all " + expected + " arrived";
                        break;
                    }
                    nextList = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
                if (t - lastGrowth > Duration.ofSeconds(mail.graceSeconds()).toNanos()) {
                    outcome = "nothing new in the inbox for " + mail.graceSeconds() + " s";
                    break;
                }
                if (t - start > Duration.ofSeconds(mail.maxWaitSeconds()).toNanos()) {
                    outcome = "gave up after " + mail.maxWaitSeconds() + " s";
                    break;
                }
                if (t >= nextReport) {
                    say(d.name + ": about " + Math.max(0, total - d.inboxBefore()) + " of " + expected
                            + " emails in the inbox (by count)");
                    nextReport = t + Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(1000);
            }
            phase.stats().cpuSettled = ProcessCpu.read();
            d.waitOutcome(outcome);
            d.match(inbox.list(d.prefix));
            say(EmailSummary.oneLine(phase.stats(), d, phase.backlog()));
            d.stages(stages(d));
            say(d.name + ": where the time went: " + d.stages());
            if (d.missing() > 0) {
                say("!!! " + d.name + ": " + d.missing() + " EMAILS MISSING (" + outcome + ") !!!");
            }
            if (d.duplicates() > 0) {
                say("!!! " + d.name + ": " + d.duplicates() + " DUPLICATE EMAILS !!!");
            }
            awaitQuiet(total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            d.waitOutcome("interrupted");
        } catch (Exception e) {
            d.waitOutcome("the inbox failed: " + e.getMessage());
            say(d.name + ": " + d.waitOutcome());
        }
    }

    /** Waits until the inbox count has not changed for the quiet period (at most the longest wait). */
    private void awaitQuiet(int count) throws Exception {
        long start = System.nanoTime();
        long stableSince = start;
        long quiet = Duration.ofSeconds(mail.quietSeconds()).toNanos();
        while (System.nanoTime() - stableSince < quiet) {
            Thread.sleep(1000);
            int now = inbox.count(count);
            if (now != count) {
                count = now;
                stableSince = System.nanoTime();
            }
            if (System.nanoTime() - start > Duration.ofSeconds(mail.maxWaitSeconds()).toNanos()) {
                say("the inbox is still receiving after " + mail.maxWaitSeconds() + " s; going on");
                return;
            }
        }
        double waited = (System.nanoTime() - start) / 1e9;
        if (waited > mail.quietSeconds() + 2) {
            say("the inbox was quiet after " + String.format("%.0f", waited) + " s");
        }
    }

    /** The fill keeps its last few accepted addresses and, with purging on, keeps the inbox small. */
    private void afterFillRegistration(String email) {
        fillTail.addLast(email);
        while (fillTail.size() > FILL_TAIL) {
            fillTail.pollFirst();
        }
        if (mail.purge() && fillAccepted.incrementAndGet() % PURGE_CHECK_EVERY == 0) {
            purgeIfLarge(PURGE_ABOVE);
        }
    }

    private void purgeIfLarge(int above) {
        try {
            if (inbox.count(0) > above) {
                inbox.purge();
                fillPurges.incrementAndGet();
            }
        } catch (Exception e) {
            say("emptying the inbox failed: " + e.getMessage());
        }
    }

    /**
     * Waits until the fill's emails have gone out: watches the inbox count (emptying the inbox on the way when purging
     * is on) until nothing new has arrived for a quiet period, then asks the ledger whether the emails of the fill's
     * last accepted registrations are SENT, and waits again if not. The ledger is asked only then: on the embedded
     * stack a lookup by recipient scans the whole ledger while holding its collection, which would slow the drain it
     * waits for. The fill's emails are counted from the inbox count, about (the inbox may be emptied between a count and
     * a purge).
     */
    private void awaitFill() {
        fill.stats().end();
        say(fill.stats().oneLine());
        List<String> tail = new ArrayList<>(fillTail);
        long quiet = Duration.ofSeconds(Math.max(10, mail.quietSeconds())).toNanos();
        say("ledger fill: waiting until the inbox has had no new message for " + quiet / 1_000_000_000L
                + " s and the ledger shows the emails of the last " + tail.size() + " registrations SENT"
                + (mail.purge() ? "; the inbox is emptied whenever it holds more than " + PURGE_ABOVE : ""));
        long start = System.nanoTime();
        long lastGrowth = start;
        long lastEmail = start;
        long nextReport = start + Duration.ofSeconds(30).toNanos();
        long seen = 0;
        try {
            int count = inbox.count(0);
            while (true) {
                Thread.sleep(2000);
                int now = inbox.count(count);
                long t = System.nanoTime();
                if (now > count) {
                    seen += now - count;
                    lastGrowth = t;
                    lastEmail = t;
                }
                count = now;
                if (mail.purge() && count > PURGE_ABOVE) {
                    inbox.purge();
                    fillPurges.incrementAndGet();
                    count = 0;
                }
                double waited = (t - start) / 1e9;
                if (t - lastGrowth >= quiet) {
                    long pending = tail.stream().filter(address -> !sent(address)).count();
                    if (pending == 0) {
                        double drained = (lastEmail - start) / 1e9;
                        fillOutcome = String.format(Locale.ROOT, "%,d accepted; about %,d emails arrived in the %.0f s after "
                                + "the last registration (about %.1f/s)%s", fill.deliveries().expected(), seen, drained,
                                drained <= 0 ? Double.NaN : seen / drained, mail.purge() ? "; the inbox was emptied "
                                        + fillPurges.get() + " time(s) during the fill and after" : "");
                        break;
                    }
                    say("ledger fill: the inbox is quiet but " + pending + " of the last " + tail.size()
                            + " emails are not SENT yet; waiting on");
                    lastGrowth = System.nanoTime();
                }
                if (waited > mail.maxWaitSeconds()) {
                    fillOutcome = String.format(Locale.ROOT, "%,d accepted; still receiving after %d s (about %,d emails "
                            + "arrived)", fill.deliveries().expected(), mail.maxWaitSeconds(), seen);
                    break;
                }
                if (t >= nextReport) {
                    say(String.format(Locale.ROOT, "ledger fill: about %,d emails arrived since the last registration, "
                            + "%.1f/s", seen, seen / waited));
                    nextReport = t + Duration.ofSeconds(30).toNanos();
                }
            }
            say("ledger fill: " + fillOutcome);
            if (mail.purge()) {
                inbox.purge();
                fillPurges.incrementAndGet();
            }
            awaitQuiet(inbox.count(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            fillOutcome = "waiting failed: " + e.getMessage();
            say("ledger fill: " + fillOutcome);
        }
    }

    /** Whether the ledger shows an email to {@code address} as SENT. */
    private boolean sent(String address) {
        try {
            for (JsonNode entry : ledger(address)) {
                if ("SENT".equals(entry.path("status").asText())) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The ledger entries of one recipient (organiser API, through the gateway), newest first. */
    private JsonNode ledger(String address) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl()
                + "/api/admin/notifications?email=" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", events.organizerAuthorization())
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/admin/notifications answered " + response.statusCode());
        }
        return BenchEvents.JSON.readTree(response.body());
    }

    /**
     * Where an email's time went, for a sample of the phase's registrations: from the 201 answer to the event on Kafka
     * (registration-service's outbox relay; the record's timestamp), from there to the ledger entry (the
     * notification-service's consumer and intake; the entry's createdAt), from the entry to the inbox (waiting in the
     * ledger, composing, SMTP). Every clock is this machine's.
     */
    private String stages(Deliveries d) {
        record Sample(long answered, String registrationId, long created, long received) {
        }
        List<Sample> samples = new ArrayList<>();
        for (String address : d.sample(LEDGER_SAMPLE)) {
            Instant received = d.firstReceived(address);
            try {
                JsonNode entries = ledger(address);
                JsonNode first = entries.size() == 0 ? null : entries.get(entries.size() - 1);
                if (first == null || received == null || !first.path("createdAt").isTextual()) {
                    continue;
                }
                samples.add(new Sample(d.answeredAt(address), first.path("registrationId").asText(""),
                        OffsetDateTime.parse(first.path("createdAt").asText()).toInstant().toEpochMilli(),
                        received.toEpochMilli()));
            } catch (Exception e) {
                // A sample that cannot be read is left out; the count printed says how many were read.
            }
        }
        if (samples.isEmpty()) {
            return "no ledger entry readable";
        }
        Map<String, Long> published = EventTimes.published(config.kafkaBootstrap(),
                samples.stream().map(Sample::registrationId).collect(Collectors.toSet()), d.firstSentAt() - 5000,
                Duration.ofSeconds(60));
        List<Long> toKafka = new ArrayList<>();
        List<Long> kafkaToLedger = new ArrayList<>();
        List<Long> toLedger = new ArrayList<>();
        List<Long> toInbox = new ArrayList<>();
        for (Sample sample : samples) {
            Long at = published.get(sample.registrationId());
            if (at != null) {
                toKafka.add(at - sample.answered());
                kafkaToLedger.add(sample.created() - at);
            }
            toLedger.add(sample.created() - sample.answered());
            toInbox.add(sample.received() - sample.created());
        }
        String ledgerPart = toKafka.size() == samples.size()
                ? "201 -> Kafka (outbox relay) " + stage(toKafka) + "; Kafka -> ledger entry " + stage(kafkaToLedger)
                : "201 -> ledger entry " + stage(toLedger) + " (Kafka times: " + toKafka.size() + " found at "
                        + config.kafkaBootstrap() + ")";
        return ledgerPart + "; ledger entry -> inbox " + stage(toInbox) + " (" + samples.size() + " registrations)";
    }

    private static String stage(List<Long> millis) {
        return String.format(Locale.ROOT, "p50 %.2f s, max %.2f s", median(millis) / 1000.0, Collections.max(millis) / 1000.0);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
