package eu.efus.conference.notification;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.notification.templates.MailTemplate;
import eu.efus.conference.notification.templates.RegistrationMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The golden CloudEvents samples of event-contracts, as this consumer must read them. */
public final class Golden {

    public static final String SAMPLE_ID = "6f9c1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f";
    public static final String SAMPLE_REGISTRATION = "r-7Qk2mX9pLs";
    public static final String SAMPLE_EMAIL = "ana.example@example.org";
    public static final String MANAGE_URL = "http://localhost:8080/manage#id=r-7Qk2mX9pLs&token=sample-token-not-real";

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

    /** The data of a golden event as the renderer gets it: through the stored model, like the dispatcher. */
    public static RegistrationMail mail(MailTemplate template, String type) {
        return template.read(MailTemplate.toModel(event(type).data()));
    }
}
