package eu.efus.conference.registration.badge;

import eu.efus.conference.contracts.Participant;
import eu.efus.conference.kit.problem.ApiException;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.checkin.CheckInCodes;
import eu.efus.conference.registration.registration.Category;
import eu.efus.conference.registration.registration.Registration;
import eu.efus.conference.registration.registration.RegistrationStatus;
import eu.efus.conference.registration.registration.Registrations;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The badges of the people holding a seat at an event (registrations {@code CONFIRMED}, accredited journalists
 * included): what each one prints, in the event's first language, with the registration's check-in code.
 */
@Component
public class Badges {

    private final Registrations registrations;
    private final EventCatalog catalog;
    private final CheckInCodes codes;
    private final BadgeRenderer renderer = new BadgeRenderer();

    public Badges(Registrations registrations, EventCatalog catalog, CheckInCodes codes) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.codes = codes;
    }

    /** A PDF that is written once the request has been accepted (refusals come before the first byte). */
    @FunctionalInterface
    public interface Sheets {
        void writeTo(OutputStream out);
    }

    /**
     * The badge of one registration, as a one-page PDF.
     *
     * @throws ApiException 404 for an unknown registration, 409 for one that holds no seat at the event
     */
    public byte[] badge(String registrationId) {
        Registration registration = registrations.find(registrationId)
                .orElseThrow(() -> ApiException.notFound("No registration with id " + registrationId));
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw ApiException.conflict("Registration " + registrationId + " is " + registration.status()
                    + ": only a registration holding a seat at the event has a badge");
        }
        ConferenceEvent event = catalog.require(registration.eventCode());
        return renderer.render(List.of(badge(holder(registration), event, BadgeLabels.forEvent(event.languages()))));
    }

    /**
     * The badges of everyone holding a seat at the event, ordered by last name, first name (as people read them,
     * accents and case aside), then id. Only the few fields a badge prints are kept for every attendee; the pages are
     * written as they are laid out.
     *
     * @throws ApiException 404 for an unknown event, 409 when no one holds a seat at it
     */
    public Sheets ofEvent(String eventCode) {
        ConferenceEvent event = catalog.require(eventCode);
        List<Holder> holders = seatHolders(eventCode);
        if (holders.isEmpty()) {
            throw ApiException.conflict("Event " + eventCode + " has no confirmed attendee: there is no badge to print");
        }
        BadgeLabels labels = BadgeLabels.forEvent(event.languages());
        return out -> renderer.write(holders.stream().map(h -> badge(h, event, labels)).iterator(), out);
    }

    /** One person holding a seat: the stored fields a badge prints. */
    private record Holder(String id, String firstName, String lastName, String organisation, String country,
            String category) {
    }

    private static Holder holder(Registration registration) {
        Participant p = registration.participant();
        return new Holder(registration.id(), p.firstName(), p.lastName(), p.organisation(), p.country(), p.category());
    }

    /** Read through the repository, in the roster's order ({@link Registration#BY_NAME}). */
    private List<Holder> seatHolders(String eventCode) {
        return registrations.ofEvent(eventCode, Set.of(RegistrationStatus.CONFIRMED)).stream()
                .sorted(Registration.BY_NAME).map(Badges::holder).toList();
    }

    private Badge badge(Holder holder, ConferenceEvent event, BadgeLabels labels) {
        boolean press = Category.PRESS.name().equals(holder.category());
        return new Badge(holder.firstName(), holder.lastName(), holder.organisation(), labels.country(holder.country()),
                labels.category(holder.category()), press ? labels.pressMark() : null,
                event.title().in(labels.language()), codes.codeFor(holder.id()));
    }

}
