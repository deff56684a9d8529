package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.contracts.Participant;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's registration to one event, as stored. {@code activeKey} ("event|email") exists only while the
 * registration is active and carries a unique index: that is how a second active registration is refused.
 * Unpublished events travel inside this document (the outbox) and are not mapped here. {@code tokenHashes} holds the
 * hash of every manage token emailed for it (each email carries its own token; all of them stay valid).
 */
@Document("registrations")
public record Registration(
        @Id String id,
        String eventCode,
        String activeKey,
        String idempotencyKey,
        String requestHash,
        RegistrationStatus status,
        Participant participant,
        String language,
        String dietaryRequirements,
        String accessibilityNeeds,
        boolean photographyConsent,
        List<SessionChoice> sessions,
        Outcome outcome,
        List<String> tokenHashes,
        Instant createdAt,
        Instant updatedAt,
        Instant cancelledAt,
        long version) {

    /** One chosen session and where the participant stands in it. */
    public record SessionChoice(String code, String status) {
    }

    /** What the creating request was answered, replayed as-is for the same Idempotency-Key. */
    public record Outcome(String status, List<SessionOutcome> sessions) {
    }

    /** A session in the creation answer. */
    public record SessionOutcome(String code, String status, Integer waitlistPosition) {
    }

    /** Whether {@code token} is one of the manage tokens emailed for this registration. */
    public boolean acceptsToken(String token) {
        return ManageToken.matchesAny(token, tokenHashes);
    }

    public static String activeKey(String eventCode, String email) {
        return eventCode + "|" + email;
    }
}
