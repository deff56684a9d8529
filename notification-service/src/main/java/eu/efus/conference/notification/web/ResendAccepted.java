package eu.efus.conference.notification.web;

/** The answer to a resend: the new ledger entry and its status. */
public record ResendAccepted(String id, String status) {
}
