package eu.efus.conference.notification.web;

import eu.efus.conference.notification.ledger.Notification;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One ledger entry as organisers see it. */
@Schema(name = "Notification")
public record NotificationView(
        String id,
        String template,
        String language,
        @Schema(allowableValues = {"PENDING", "SENDING", "SENT", "FAILED"}) String status,
        int attempts,
        String lastError,
        @Schema(description = "The Message-ID the mail server accepted the email under") String messageId,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        String recipient,
        String registrationId,
        String accreditationId,
        @Schema(description = "The entry this one sends again, for a re-send") String resendOf) {

    static NotificationView of(Notification entry) {
        return new NotificationView(entry.id(), entry.template(), entry.language(), entry.status().name(),
                entry.attempts(), entry.lastError(), entry.messageId(), utc(entry.createdAt()), utc(entry.sentAt()),
                entry.recipient(), entry.registrationId(), entry.accreditationId(), entry.resendOf());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
