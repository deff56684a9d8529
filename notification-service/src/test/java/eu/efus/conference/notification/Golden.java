package eu.efus.conference.notification;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.notification.templates.AccreditationMail;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RegistrationMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/** The golden CloudEvents samples of event-contracts, as this consumer must read them. */
public final class Golden {

    public static final String SAMPLE_ID = "6f9c1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f";
    public static final String SAMPLE_REGISTRATION = "r-7Qk2mX9pLs";
    public static final String SAMPLE_EMAIL = "ana.example@example.org";
    /** The check-in code of the registration samples: not a real code (no deployment's secret signed it). */
    public static final String CHECK_IN_CODE = "SAMP-1E00-N0T0-REA1";
    public static final String MANAGE_URL = "http://localhost:8080/manage#id=r-7Qk2mX9pLs&token=sample-token-not-real";
    public static final String SAMPLE_ACCREDITATION = "a-9Xc4Lm2Qw";
    public static final String SAMPLE_JOURNALIST = "marc.example@press.example";
    public static final String PRIVATE_URL = "http://localhost:8080/accreditation#id=a-9Xc4Lm2Qw&token=sample-token-not-real";

    private Golden() {
    }

    /** The golden JSON of {@code type}, exactly as published in event-contracts. */
    public static String json(String type) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No golden sample for " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CloudEvent event(String type) {
        return CloudEventCodec.fromJson(json(type));
    }

    /** The golden sample as a fresh event (new CloudEvents id) for another recipient and registration. */
    public static String fresh(String type, String email, String registrationId) {
        return json(type).replace(SAMPLE_ID, UUID.randomUUID().toString()).replace(SAMPLE_EMAIL, email)
                .replace(SAMPLE_REGISTRATION, registrationId);
    }

    /** A golden accreditation event as a fresh event (new CloudEvents id) for another journalist and request. */
    public static String freshAccreditation(String type, String email, String accreditationId) {
        return json(type).replace(SAMPLE_ID, UUID.randomUUID().toString()).replace(SAMPLE_JOURNALIST, email)
                .replace(SAMPLE_ACCREDITATION, accreditationId);
    }

    /**
     * The golden {@code registration.confirmed} as registration-service publishes it for an approved journalist: the
     * participant of category PRESS; with {@code withSessions} false, no sessions (the usual case).
     */
    public static CloudEvent pressConfirmed(String email, String registrationId, boolean withSessions) {
        CloudEvent golden = CloudEventCodec.fromJson(fresh(EventTypes.REGISTRATION_CONFIRMED, email, registrationId));
        ObjectNode data = (ObjectNode) golden.data().deepCopy();
        ((ObjectNode) data.get("participant")).put("category", "PRESS").put("organisation", "Le Quotidien")
                .put("firstName", "Marc");
        if (!withSessions) {
            data.putArray("sessions");
        }
        return new CloudEvent(golden.specversion(), golden.id(), golden.source(), golden.type(), golden.time(),
                golden.subject(), golden.datacontenttype(), data);
    }

    /** {@code event} with its data changed by {@code edit} (same CloudEvents id). */
    public static CloudEvent edited(CloudEvent event, Consumer<ObjectNode> edit) {
        ObjectNode data = (ObjectNode) event.data().deepCopy();
        edit.accept(data);
        return new CloudEvent(event.specversion(), event.id(), event.source(), event.type(), event.time(),
                event.subject(), event.datacontenttype(), data);
    }

    /** The data of a golden event as the renderer gets it: through the stored model, like the dispatcher. */
    public static RegistrationMail mail(MailTemplate template, String type) {
        return (RegistrationMail) template.read(template.model(event(type).data()));
    }

    /** The data of a golden accreditation event as the renderer gets it, through the stored model. */
    public static AccreditationMail accreditation(MailTemplate template, String type) {
        return (AccreditationMail) template.read(template.model(event(type).data()));
    }
}
