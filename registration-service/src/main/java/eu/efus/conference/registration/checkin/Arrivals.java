package eu.efus.conference.registration.checkin;

import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.registration.Registration;
import eu.efus.conference.registration.registration.RegistrationStatus;
import eu.efus.conference.registration.registration.Registrations;
import eu.efus.conference.registration.registration.SessionStatus;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The organisers' arrival counts: of the people holding a seat at the event, and in each session, how many were
 * admitted. Counted from the registrations themselves, so a count never disagrees with the attendee list.
 */
@Component
public class Arrivals {

    private final EventCatalog catalog;
    private final Registrations registrations;

    public Arrivals(EventCatalog catalog, Registrations registrations) {
        this.catalog = catalog;
        this.registrations = registrations;
    }

    public CheckInViews.Arrivals of(String eventCode) {
        ConferenceEvent event = catalog.require(eventCode);
        List<Registration> seated = registrations.ofEvent(eventCode, Set.of(RegistrationStatus.CONFIRMED));
        int arrived = (int) seated.stream().filter(r -> r.checkedInAt() != null).count();
        List<CheckInViews.SessionArrivals> sessions = event.sessions().stream().map(session -> {
            List<Registration.SessionChoice> held = seated.stream().flatMap(r -> r.session(session.code()).stream())
                    .filter(c -> c.status() == SessionStatus.CONFIRMED).toList();
            return new CheckInViews.SessionArrivals(session.code(), held.size(),
                    (int) held.stream().filter(c -> c.checkedInAt() != null).count());
        }).toList();
        return new CheckInViews.Arrivals(event.code(), seated.size(), arrived, sessions);
    }
}
