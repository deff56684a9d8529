package eu.efus.conference.notification.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a resend: the new ledger entry and its status. */
public record ResendAccepted(@Schema(description = "The new ledger entry") String id,
        @Schema(allowableValues = "PENDING") String status) {
}
