package eu.efus.conference.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.testsupport.Http;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Creates, through the gateway as an organiser, an event two months ahead whose programme is one workshop W-SMALL. */
final class OneWorkshopEvent {

    private OneWorkshopEvent() {
    }

    /** The new event's code ({@code <prefix>-<random>}); {@code seats} null = an unlimited workshop. */
    static String create(Stack stack, String prefix, Integer seats) throws Exception {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        OffsetDateTime start = OffsetDateTime.now().plusMonths(2).withNano(0);
        String body = """
                {"code":"%s","kind":"CONFERENCE","title":{"fr":"Ruée","en":"Rush"},"city":"Brussels","country":"BE",
                 "startsAt":"%s","endsAt":"%s","timezone":"Europe/Brussels","languages":["fr","en"],"capacity":null,
                 "pressQuota":5,"sessions":[{"code":"W-SMALL","kind":"WORKSHOP","title":{"fr":"Atelier","en":"Workshop"},
                 "startsAt":"%s","endsAt":"%s","language":"en","capacity":%s}]}
                """.formatted(code, start, start.plusDays(1), start.plusHours(1), start.plusHours(2), seats);
        Http.Response created = Http.call(stack.gateway(), "POST", "/api/admin/events", body, "Authorization",
                JourneysIT.basic("organizer", "demo-organizer"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return code;
    }
}
