package eu.efus.conference.accreditation.accreditation;

import eu.efus.conference.kit.identity.ManageToken;
import eu.efus.conference.contracts.Journalist;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One journalist's accreditation request for one event, as stored, with its audit trail. {@code activeKey}
 * ("event|email") exists only while the request is active (PENDING, NEEDS_INFO, APPROVED) and carries a unique sparse
 * index: that is how a second active request is refused. {@code tokenHashes} holds the hash of every private-link
 * token emailed for it (each email carries its own; all stay valid). {@code version} guards every transition.
 * Unpublished events travel inside this document (the outbox) and are not mapped here.
 */
@Document(Accreditation.COLLECTION)
public record Accreditation(
        @Id String id,
        String eventCode,
        String activeKey,
        AccreditationStatus status,
        Journalist journalist,
        String language,
        String coverageNotes,
        String question,
        String answer,
        String reason,
        Instant decidedAt,
        String decidedBy,
        List<String> tokenHashes,
        List<HistoryEntry> history,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String COLLECTION = "accreditations";

    /**
     * One state change: when, by whom (a press officer's name, or "journalist"), from and to which state, the reason or
     * question given, and the journalist's answer when that is what moved it.
     */
    public record HistoryEntry(Instant at, String by, AccreditationStatus from, AccreditationStatus to, String reason,
            String answer) {
    }

    /** Whether {@code token} is one of the private-link tokens emailed for this request. */
    public boolean acceptsToken(String token) {
        return ManageToken.matchesAny(token, tokenHashes);
    }

    public static String activeKey(String eventCode, String email) {
        return eventCode + "|" + email;
    }
}
