package eu.efus.conference.contracts;

/** Kafka topic names: one topic per producing service. */
public final class Topics {
    public static final String REGISTRATION_EVENTS = "registration.events";
    public static final String ACCREDITATION_EVENTS = "accreditation.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";

    private Topics() {
    }

    /** Dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
