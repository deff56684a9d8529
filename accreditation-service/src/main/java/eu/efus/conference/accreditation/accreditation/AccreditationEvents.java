package eu.efus.conference.accreditation.accreditation;

import eu.efus.conference.accreditation.catalog.PressEvent;
import eu.efus.conference.contracts.AccreditationApproved;
import eu.efus.conference.contracts.AccreditationInfoProvided;
import eu.efus.conference.contracts.AccreditationInfoRequested;
import eu.efus.conference.contracts.AccreditationRejected;
import eu.efus.conference.contracts.AccreditationRequested;
import eu.efus.conference.contracts.AccreditationWithdrawn;
import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;

/** Builds the facts accreditation-service publishes on {@code accreditation.events}; subject = accreditation id. */
final class AccreditationEvents {

    static final String SOURCE = "/accreditation-service";

    private AccreditationEvents() {
    }

    static CloudEvent received(Accreditation a, PressEvent event, String privateUrl) {
        return CloudEventCodec.create(SOURCE, EventTypes.ACCREDITATION_RECEIVED, a.id(), new AccreditationRequested(a.id(),
                event.summary(), a.journalist(), a.language(), a.coverageNotes(), privateUrl));
    }

    static CloudEvent needsInfo(Accreditation a, PressEvent event, String question, String officer, String privateUrl) {
        return CloudEventCodec.create(SOURCE, EventTypes.ACCREDITATION_NEEDS_INFO, a.id(), new AccreditationInfoRequested(
                a.id(), event.summary(), a.journalist(), a.language(), question, officer, privateUrl));
    }

    static CloudEvent infoProvided(Accreditation a, String answer) {
        return CloudEventCodec.create(SOURCE, EventTypes.ACCREDITATION_INFO_PROVIDED, a.id(),
                new AccreditationInfoProvided(a.id(), a.eventCode(), answer));
    }

    static CloudEvent approved(Accreditation a, PressEvent event, String officer) {
        return CloudEventCodec.create(SOURCE, EventTypes.ACCREDITATION_APPROVED, a.id(), new AccreditationApproved(a.id(),
                event.summary(), a.journalist(), a.language(), officer));
    }

    static CloudEvent rejected(Accreditation a, PressEvent event, String reason, String officer) {
        return CloudEventCodec.create(SOURCE, EventTypes.ACCREDITATION_REJECTED, a.id(), new AccreditationRejected(a.id(),
                event.summary(), a.journalist(), a.language(), reason, officer));
    }

    static CloudEvent withdrawn(Accreditation a, PressEvent event) {
        return CloudEventCodec.create(SOURCE, EventTypes.ACCREDITATION_WITHDRAWN, a.id(), new AccreditationWithdrawn(a.id(),
                event.summary(), a.journalist(), a.language()));
    }
}
