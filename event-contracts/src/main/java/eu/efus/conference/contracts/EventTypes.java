package eu.efus.conference.contracts;

import java.util.Map;

/** Stable CloudEvents {@code type} names and the record each one carries; never derived from class names. */
public final class EventTypes {
    public static final String REGISTRATION_CONFIRMED = "eu.efus.registration.confirmed.v1";
    public static final String REGISTRATION_WAITLISTED = "eu.efus.registration.waitlisted.v1";
    public static final String REGISTRATION_PROMOTED = "eu.efus.registration.promoted.v1";
    public static final String REGISTRATION_CANCELLED = "eu.efus.registration.cancelled.v1";
    public static final String EMAIL_SENT = "eu.efus.notification.email-sent.v1";
    public static final String EMAIL_FAILED = "eu.efus.notification.email-failed.v1";

    /** Every known type with its data record and the topic it travels on. */
    public static final Map<String, Binding> ALL = Map.of(
            REGISTRATION_CONFIRMED, new Binding(RegistrationConfirmed.class, Topics.REGISTRATION_EVENTS),
            REGISTRATION_WAITLISTED, new Binding(RegistrationWaitlisted.class, Topics.REGISTRATION_EVENTS),
            REGISTRATION_PROMOTED, new Binding(RegistrationPromoted.class, Topics.REGISTRATION_EVENTS),
            REGISTRATION_CANCELLED, new Binding(RegistrationCancelled.class, Topics.REGISTRATION_EVENTS),
            EMAIL_SENT, new Binding(EmailSent.class, Topics.NOTIFICATION_EVENTS),
            EMAIL_FAILED, new Binding(EmailFailed.class, Topics.NOTIFICATION_EVENTS));

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
