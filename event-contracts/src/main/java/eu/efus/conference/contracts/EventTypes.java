package eu.efus.conference.contracts;

import java.util.Map;

/** Stable CloudEvents {@code type} names and the record each one carries; never derived from class names. */
public final class EventTypes {
    public static final String REGISTRATION_CONFIRMED = "eu.efus.registration.confirmed.v1";
    public static final String REGISTRATION_WAITLISTED = "eu.efus.registration.waitlisted.v1";
    public static final String REGISTRATION_PROMOTED = "eu.efus.registration.promoted.v1";
    public static final String REGISTRATION_CANCELLED = "eu.efus.registration.cancelled.v1";
    public static final String REGISTRATION_CHECKED_IN = "eu.efus.registration.checked-in.v1";
    public static final String EVENT_CREATED = "eu.efus.registration.event-created.v1";
    public static final String EVENT_UPDATED = "eu.efus.registration.event-updated.v1";
    public static final String ACCREDITATION_RECEIVED = "eu.efus.accreditation.received.v1";
    public static final String ACCREDITATION_NEEDS_INFO = "eu.efus.accreditation.needs-info.v1";
    public static final String ACCREDITATION_INFO_PROVIDED = "eu.efus.accreditation.info-provided.v1";
    public static final String ACCREDITATION_APPROVED = "eu.efus.accreditation.approved.v1";
    public static final String ACCREDITATION_REJECTED = "eu.efus.accreditation.rejected.v1";
    public static final String ACCREDITATION_WITHDRAWN = "eu.efus.accreditation.withdrawn.v1";
    public static final String EMAIL_SENT = "eu.efus.notification.email-sent.v1";
    public static final String EMAIL_FAILED = "eu.efus.notification.email-failed.v1";

    /** Every known type with its data record and the topic it travels on. */
    public static final Map<String, Binding> ALL = Map.ofEntries(
            Map.entry(REGISTRATION_CONFIRMED, new Binding(RegistrationConfirmed.class, Topics.REGISTRATION_EVENTS)),
            Map.entry(REGISTRATION_WAITLISTED, new Binding(RegistrationWaitlisted.class, Topics.REGISTRATION_EVENTS)),
            Map.entry(REGISTRATION_PROMOTED, new Binding(RegistrationPromoted.class, Topics.REGISTRATION_EVENTS)),
            Map.entry(REGISTRATION_CANCELLED, new Binding(RegistrationCancelled.class, Topics.REGISTRATION_EVENTS)),
            Map.entry(REGISTRATION_CHECKED_IN, new Binding(RegistrationCheckedIn.class, Topics.REGISTRATION_EVENTS)),
            Map.entry(EVENT_CREATED, new Binding(EventCreated.class, Topics.REGISTRATION_EVENTS)),
            Map.entry(EVENT_UPDATED, new Binding(EventUpdated.class, Topics.REGISTRATION_EVENTS)),
            Map.entry(ACCREDITATION_RECEIVED, new Binding(AccreditationRequested.class, Topics.ACCREDITATION_EVENTS)),
            Map.entry(ACCREDITATION_NEEDS_INFO, new Binding(AccreditationInfoRequested.class, Topics.ACCREDITATION_EVENTS)),
            Map.entry(ACCREDITATION_INFO_PROVIDED, new Binding(AccreditationInfoProvided.class, Topics.ACCREDITATION_EVENTS)),
            Map.entry(ACCREDITATION_APPROVED, new Binding(AccreditationApproved.class, Topics.ACCREDITATION_EVENTS)),
            Map.entry(ACCREDITATION_REJECTED, new Binding(AccreditationRejected.class, Topics.ACCREDITATION_EVENTS)),
            Map.entry(ACCREDITATION_WITHDRAWN, new Binding(AccreditationWithdrawn.class, Topics.ACCREDITATION_EVENTS)),
            Map.entry(EMAIL_SENT, new Binding(EmailSent.class, Topics.NOTIFICATION_EVENTS)),
            Map.entry(EMAIL_FAILED, new Binding(EmailFailed.class, Topics.NOTIFICATION_EVENTS)));

    private EventTypes() {
    }

    /** The data record class and topic of one event type. */
    public record Binding(Class<?> dataType, String topic) {
    }

    public static Binding of(String type) {
        Binding binding = ALL.get(type);
        if (binding == null) {
            throw new IllegalArgumentException("Unknown event type: " + type);
        }
        return binding;
    }
}
