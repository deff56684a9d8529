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
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The badges of the people holding a seat at an event (registrations {@code CONFIRMED}, accredited journalists
 * included): what each one prints, in the event's first language, with the registration's check-in code.
 */
@Component
public class Badges {

    /** The stored fields a badge needs: nothing else of the registration is read. */
    private static final List<String> FIELDS = List.of("participant.firstName", "participant.lastName",
            "participant.organisation", "participant.country", "participant.category");

    private final Registrations registrations;
    private final EventCatalog catalog;
    private final MongoTemplate mongo;
    private final CheckInCodes codes;
    private final BadgeRenderer renderer = new BadgeRenderer();

    public Badges(Registrations registrations, EventCatalog catalog, MongoTemplate mongo, CheckInCodes codes) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.mongo = mongo;
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
        Participant p = registration.participant();
        Holder holder = new Holder(registration.id(), p.firstName(), p.lastName(), p.organisation(), p.country(),
                p.category());
        return renderer.render(List.of(badge(holder, event, BadgeLabels.forEvent(event.languages()))));
    }

    /**
     * The badges of everyone holding a seat at the event, ordered by last name, first name (as people read them,
     * accents and case aside), then id. Only the few fields a badge prints are held for every attendee; the pages are
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

    private List<Holder> seatHolders(String eventCode) {
        Query query = Query.query(Criteria.where("eventCode").is(eventCode)
                .and("status").is(RegistrationStatus.CONFIRMED.name()));
        FIELDS.forEach(query.fields()::include);
        List<Holder> holders = new ArrayList<>();
        for (Document stored : mongo.find(query, Document.class, "registrations")) {
            Document p = stored.get("participant", Document.class);
            holders.add(new Holder(stored.getString("_id"), p.getString("firstName"), p.getString("lastName"),
                    p.getString("organisation"), p.getString("country"), p.getString("category")));
        }
        holders.sort(order());
        return holders;
    }

    /** Last name, first name, then id: a collator of the root locale, so that "Ödön" files with the O's. */
    private static Comparator<Holder> order() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        return Comparator.comparing((Holder h) -> nullToEmpty(h.lastName()), collator)
                .thenComparing(h -> nullToEmpty(h.firstName()), collator)
                .thenComparing(Holder::id);
    }

    private Badge badge(Holder holder, ConferenceEvent event, BadgeLabels labels) {
        boolean press = Category.PRESS.name().equals(holder.category());
        return new Badge(holder.firstName(), holder.lastName(), holder.organisation(), labels.country(holder.country()),
                labels.category(holder.category()), press ? labels.pressMark() : null,
                event.title().in(labels.language()), codes.codeFor(holder.id()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
