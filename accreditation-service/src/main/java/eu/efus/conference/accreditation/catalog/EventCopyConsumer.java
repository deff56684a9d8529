package eu.efus.conference.accreditation.catalog;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.EventCreated;
import eu.efus.conference.contracts.EventDetails;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.EventUpdated;
import eu.efus.conference.kit.consumer.CloudEventHandlers;
import eu.efus.conference.kit.consumer.IdempotentConsumer;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds {@code registrationEvents} (registration.events, group accreditation-service): event created/updated facts
 * keep the local copy; every other registration fact is skipped by the dispatcher.
 */
@Configuration(proxyBeanMethods = false)
public class EventCopyConsumer {

    @Bean
    Consumer<Message<byte[]>> registrationEvents(IdempotentConsumer idempotent, EventCopy copy, Clock clock) {
        return new CloudEventHandlers(idempotent)
                .on(EventTypes.EVENT_CREATED, EventCreated.class, (event, data) -> copy.apply(details(data.event()), time(event, clock)))
                .on(EventTypes.EVENT_UPDATED, EventUpdated.class, (event, data) -> copy.apply(details(data.event()), time(event, clock)));
    }

    private static EventDetails details(EventDetails details) {
        if (details == null) {
            // Thrown, not skipped: the binder retries, then parks the record in the dead-letter topic for a human.
            throw new IllegalArgumentException("Event fact without event details");
        }
        return details;
    }

    private static Instant time(CloudEvent event, Clock clock) {
        return event.time() == null ? clock.instant() : event.time().toInstant();
    }
}
