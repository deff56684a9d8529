package eu.efus.conference.notification.templates;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.efus.conference.contracts.AccreditationInfoRequested;
import eu.efus.conference.contracts.AccreditationRejected;
import eu.efus.conference.contracts.AccreditationRequested;
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

/**
 * The emails this service writes: template name, the event data they are rendered from, whether an invite goes along,
 * and whether the email is sent at most once per registration or accreditation whatever the events say (see
 * {@link #oncePerAggregate()}).
 */
public enum MailTemplate {
    REGISTRATION_CONFIRMED("registration-confirmed", RegistrationConfirmed.class, true, false),
    REGISTRATION_WAITLISTED("registration-waitlisted", RegistrationWaitlisted.class, false, false),
    REGISTRATION_PROMOTED("registration-promoted", RegistrationPromoted.class, true, false),
    REGISTRATION_CANCELLED("registration-cancelled", RegistrationCancelled.class, false, false),
    /** To the journalist, on {@code accreditation.received}: the request is in, what happens next, the private link. */
    ACCREDITATION_RECEIVED("accreditation-received", AccreditationRequested.class, false, true),
    /** On {@code accreditation.needs-info}: the press officer's question and the link to answer it. Can happen again. */
    ACCREDITATION_NEEDS_INFO("accreditation-needs-info", AccreditationInfoRequested.class, false, false),
    /** On {@code accreditation.rejected}: the decision and its reason. */
    ACCREDITATION_REJECTED("accreditation-rejected", AccreditationRejected.class, false, true),
    /**
     * The one approval email: rendered from the {@code registration.confirmed} of the PRESS registration that
     * registration-service creates on approval (it has the manage link), instead of {@code registration-confirmed}.
     * {@code accreditation.approved} itself sends nothing.
     */
    ACCREDITATION_APPROVED("accreditation-approved", RegistrationConfirmed.class, true, true);

    // Tolerant like every consumer of event data: a field added to an event later must not break re-rendering.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final String id;
    private final Class<?> dataType;
    private final boolean withInvitation;
    private final boolean oncePerAggregate;

    MailTemplate(String id, Class<?> dataType, boolean withInvitation, boolean oncePerAggregate) {
        this.id = id;
        this.dataType = dataType;
        this.withInvitation = withInvitation;
        this.oncePerAggregate = oncePerAggregate;
    }

    /** The template's file name (without language folder and extension), as stored in the ledger. */
    public String id() {
        return id;
    }

    public boolean withInvitation() {
        return withInvitation;
    }

    /**
     * Whether this email goes out at most once per registration or accreditation (a request is received once, rejected
     * once, approved once): its ledger id derives from that id rather than from the event's, so even the same fact
     * published again under a new CloudEvents id cannot send it twice. Resends by staff are new entries and still work.
     */
    public boolean oncePerAggregate() {
        return oncePerAggregate;
    }

    public static MailTemplate of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mail template " + id));
    }

    /** The event data as the ledger stores it: a plain document that can be rendered again later. */
    public static Document toModel(JsonNode data) {
        return Document.parse(JSON.writeValueAsString(data));
    }

    /**
     * The model this template's ledger entries keep: the event data, without what no email shows and the ledger has no
     * reason to keep (a journalist's press card number, the name of the press officer who decided).
     */
    public Document model(JsonNode data) {
        Document model = toModel(data);
        if (model.get("journalist") instanceof Document journalist) {
            journalist.remove("pressCardNumber");
        }
        model.remove("decidedBy");
        return model;
    }

    /** The stored model read back into the event's data record. */
    public MailData read(Document model) {
        return MailData.of(JSON.readValue(model.toJson(), dataType));
    }
}
