package eu.efus.conference.registration.registration;

import eu.efus.conference.contracts.CloudEvent;
import eu.efus.conference.contracts.CloudEventCodec;
import eu.efus.conference.contracts.EventTypes;
import eu.efus.conference.contracts.RegistrationCancelled;
import eu.efus.conference.contracts.RegistrationCheckedIn;
import eu.efus.conference.contracts.RegistrationConfirmed;
import eu.efus.conference.contracts.RegistrationPromoted;
import eu.efus.conference.contracts.RegistrationWaitlisted;
import eu.efus.conference.contracts.SessionSummary;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Builds the facts registration-service publishes on {@code registration.events}. */
final class RegistrationEvents {

    static final String SOURCE = "/registration-service";

    private RegistrationEvents() {
    }

    /** {@code checkInCode}: the registration's signed code, printed in the email for the desk to scan. */
    static CloudEvent confirmed(Registration r, ConferenceEvent event, Map<String, Integer> positions, String manageUrl,
            String checkInCode) {
        return CloudEventCodec.create(SOURCE, EventTypes.REGISTRATION_CONFIRMED, r.id(), new RegistrationConfirmed(r.id(),
                event.summary(), r.participant(), r.language(), sessions(r.sessions(), event, positions), manageUrl,
                checkInCode));
    }

    static CloudEvent waitlisted(Registration r, ConferenceEvent event, int position, String manageUrl) {
        return CloudEventCodec.create(SOURCE, EventTypes.REGISTRATION_WAITLISTED, r.id(), new RegistrationWaitlisted(r.id(),
                event.summary(), r.participant(), r.language(), position, sessions(r.sessions(), event, Map.of()), manageUrl));
    }

    static CloudEvent promoted(Registration r, ConferenceEvent event, boolean eventSeat, List<String> promotedSessions,
            Map<String, Integer> positions, String manageUrl, String checkInCode) {
        return CloudEventCodec.create(SOURCE, EventTypes.REGISTRATION_PROMOTED, r.id(), new RegistrationPromoted(r.id(),
                event.summary(), r.participant(), r.language(), eventSeat, promotedSessions,
                sessions(r.sessions(), event, positions), manageUrl, checkInCode));
    }

    static CloudEvent cancelled(Registration r, ConferenceEvent event) {
        return CloudEventCodec.create(SOURCE, EventTypes.REGISTRATION_CANCELLED, r.id(), new RegistrationCancelled(r.id(),
                event.summary(), r.participant(), r.language(), sessions(r.sessions(), event, Map.of())));
    }

    /** An admission at the venue: the event's desk ({@code session} null) or boarding {@code session}. */
    static CloudEvent checkedIn(Registration r, String session, Instant at, String by) {
        return CloudEventCodec.create(SOURCE, EventTypes.REGISTRATION_CHECKED_IN, r.id(),
                new RegistrationCheckedIn(r.id(), r.eventCode(), session, at.atOffset(ZoneOffset.UTC), by));
    }

    static List<SessionSummary> sessions(List<Registration.SessionChoice> choices, ConferenceEvent event,
            Map<String, Integer> positions) {
        ZoneId zone = event.zone();
        return choices.stream().map(choice -> event.session(choice.code()).map(s -> new SessionSummary(s.code(),
                s.kind().name(), s.title(), s.startsAt(zone), s.endsAt(zone), s.language(), choice.status().name(),
                positions.get(s.code()))).orElse(new SessionSummary(choice.code(), null, null, null, null, null,
                choice.status().name(), positions.get(choice.code())))).toList();
    }
}
