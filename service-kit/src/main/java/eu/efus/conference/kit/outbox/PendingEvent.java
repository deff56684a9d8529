package eu.efus.conference.kit.outbox;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.kit.tracing.TraceHeaders;
import java.util.Date;
import org.bson.Document;

/** An event stored inside its aggregate's document until the broker has acknowledged it. */
public record PendingEvent(String id, String type, String topic, String key, String payload, Date createdAt) {

    /**
     * The outbox entry of one CloudEvent: keyed by its subject (the aggregate id), on its type's topic. The payload is
     * the envelope as it will go out, with the trace context of the work appending it (the request, or the consumed
     * event, that caused it) in the CloudEvents distributed-tracing extension: the relay, which runs later on its own
     * thread, sends it unchanged and the consumers continue that trace.
     */
    public static PendingEvent of(CloudEvent event) {
        return new PendingEvent(event.id(), event.type(), EventTypes.of(event.type()).topic(), event.subject(),
                CloudEventCodec.toJson(TraceHeaders.current().attachTo(event)), new Date());
    }

    /** The stored form inside the aggregate document. */
    public Document toDocument() {
        return new Document("id", id).append("type", type).append("topic", topic).append("key", key)
                .append("payload", payload).append("createdAt", createdAt);
    }
}
