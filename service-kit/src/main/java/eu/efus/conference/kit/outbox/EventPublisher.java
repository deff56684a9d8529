package eu.efus.conference.kit.outbox;

/** Sends one event to the broker and returns only once the broker has acknowledged it. */
public interface EventPublisher {

    void publish(PendingEvent event);
}
