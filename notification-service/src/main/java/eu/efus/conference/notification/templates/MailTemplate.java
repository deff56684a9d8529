package eu.efus.conference.notification.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.efus.conference.contracts.RegistrationCancelled;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.RegistrationPromoted;
import eu.efus.conference.contracts.RegistrationWaitlisted;
import java.util.Arrays;
import org.bson.Document;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The emails this service writes: template name, the event data they are rendered from, whether an invite goes along. */
public enum MailTemplate {
    REGISTRATION_CONFIRMED("registration-confirmed", RegistrationConfirmed.class, true),
    REGISTRATION_WAITLISTED("registration-waitlisted", RegistrationWaitlisted.class, false),
    REGISTRATION_PROMOTED("registration-promoted", RegistrationPromoted.class, true),
    REGISTRATION_CANCELLED("registration-cancelled", RegistrationCancelled.class, false);

    // Tolerant like every consumer of event data: a field added to an event later must not break re-rendering.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final String id;
    private final Class<?> dataType;
    private final boolean withInvitation;

    MailTemplate(String id, Class<?> dataType, boolean withInvitation) {
        this.id = id;
        this.dataType = dataType;
        this.withInvitation = withInvitation;
    }

    /** The template's file name (without language folder and extension), as stored in the ledger. */
    public String id() {
        return id;
    }

    public boolean withInvitation() {
        return withInvitation;
    }

    public static MailTemplate of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mail template " + id));
    }

    /** The event data as the ledger stores it: a plain document that can be rendered again later. */
    public static Document toModel(JsonNode data) {
        return Document.parse(JSON.writeValueAsString(data));
    }

    /** The stored model read back into the event's data record. */
    public RegistrationMail read(Document model) {
        return RegistrationMail.of(JSON.readValue(model.toJson(), dataType));
    }
}
