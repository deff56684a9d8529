package eu.efus.conference.registration.admin;

import eu.efus.conference.kit.openapi.ApiProblem;
import eu.efus.conference.kit.problem.ApiException;
import eu.efus.conference.registration.ApiDocumentation;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import eu.efus.conference.registration.catalog.EventCatalog;
import eu.efus.conference.registration.catalog.EventInput;
import eu.efus.conference.registration.catalog.EventViews;
import eu.efus.conference.registration.checkin.Arrivals;
import eu.efus.conference.registration.checkin.CheckInViews;
import eu.efus.conference.registration.registration.Registration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisers: create and change events, list and export attendees, follow arrivals (role ORGANIZER, checked by the
 * kit's security).
 */
@RestController
@Tag(name = ApiDocumentation.ORGANISER_TAG)
public class AdminController {

    private final EventCatalog catalog;
    private final MongoTemplate mongo;
    private final Arrivals arrivals;

    public AdminController(EventCatalog catalog, MongoTemplate mongo, Arrivals arrivals) {
        this.catalog = catalog;
        this.mongo = mongo;
        this.arrivals = arrivals;
    }

    @Operation(operationId = "listAllEvents", summary = "Every event, past ones included, with its programme")
    @GetMapping("/api/admin/events")
    public List<EventViews.EventDetail> events() {
        return catalog.all().stream().map(catalog::detail).toList();
    }

    @Operation(operationId = "createEvent", summary = "Create an event with its sessions", description = """
            The event and its sessions as `GET /api/events/{code}` shows them, plus `registrationOpensAt`, \
            `registrationClosesAt` and `pressQuota` (accredited journalists allowed; null = no limit).""")
    @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "`/api/events/{code}`", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventViews.EventDetail.class)))
    @ApiProblem(status = 409, description = "An event with this code already exists")
    @PostMapping("/api/admin/events")
    public ResponseEntity<EventViews.EventDetail> create(@Valid @RequestBody EventInput input) {
        ConferenceEvent event = catalog.create(input);
        return ResponseEntity.created(URI.create("/api/events/" + event.code())).body(catalog.detail(event));
    }

    @Operation(operationId = "updateEvent", summary = "Change an event and its programme",
            description = "The whole event, as for creating it; `code`, if given, must be the one in the path.")
    @ApiProblem(status = 409, description = "A session that has registrations would be removed")
    @PutMapping("/api/admin/events/{code}")
    public EventViews.EventDetail update(@PathVariable String code, @Valid @RequestBody EventInput input) {
        return catalog.detail(catalog.update(code, input));
    }

    /** One attendee of the organiser's list. */
    public record Attendee(String id, String status, String firstName, String lastName, String email, String organisation,
            String country, String category, String language, List<SessionState> sessions,
            String dietaryRequirements, String accessibilityNeeds, boolean photographyConsent, OffsetDateTime createdAt,
            @Schema(description = "Arrival at the event (the check-in desk); null until admitted") OffsetDateTime checkedInAt) {
    }

    /** One chosen session of an attendee. */
    @Schema(name = "AttendeeSession")
    public record SessionState(String code, String status,
            @Schema(description = "When the attendee boarded the session; null until then") OffsetDateTime checkedInAt) {
    }

    @Operation(operationId = "listAttendees", summary = "The attendee list of an event", description = """
            JSON, or with `Accept: text/csv` the CSV attendee list (UTF-8, a header row, one row per registration), \
            oldest registration first.""")
    @ApiResponse(responseCode = "200", description = "The attendees", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(
                    schema = @Schema(implementation = Attendee.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @GetMapping(value = "/api/admin/events/{code}/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Attendee> registrations(@PathVariable String code,
            @Parameter(description = "Only the attendees who chose this session") @RequestParam(required = false) String session,
            @Parameter(description = "Only registrations in this status", schema = @Schema(allowableValues = {
                    "CONFIRMED", "WAITLISTED", "CANCELLED"})) @RequestParam(required = false) String status) {
        return find(code, session, status).stream().map(r -> new Attendee(r.id(), r.status().name(),
                r.participant().firstName(), r.participant().lastName(), r.participant().email(),
                r.participant().organisation(), r.participant().country(), r.participant().category(), r.language(),
                r.sessions().stream().map(c -> new SessionState(c.code(), c.status().name(), utc(c.checkedInAt()))).toList(),
                r.dietaryRequirements(), r.accessibilityNeeds(), r.photographyConsent(), utc(r.createdAt()),
                utc(r.checkedInAt()))).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Operation(operationId = "getArrivals", summary = "How many of the people holding a seat have arrived", description = """
            For the event and each of its sessions: `confirmed` is the number of registrations holding a seat \
            (CONFIRMED), `checkedIn` how many of them were admitted by a check-in desk (boarded, for a session).""")
    @ApiProblem(status = 404, description = "No event with this code")
    @GetMapping("/api/admin/events/{code}/arrivals")
    public CheckInViews.Arrivals arrivals(@PathVariable String code) {
        return arrivals.of(code);
    }

    /** The CSV form of {@link #registrations}, documented there (one operation, two media types). */
    @Operation(hidden = true)
    @GetMapping(value = "/api/admin/events/{code}/registrations", produces = "text/csv")
    public ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) String session,
            @RequestParam(required = false) String status) {
        String name = code + (session == null ? "" : "-" + session) + "-attendees.csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(AttendeeExport.csv(find(code, session, status)).getBytes(StandardCharsets.UTF_8));
    }

    private List<Registration> find(String code, String session, String status) {
        ConferenceEvent event = catalog.require(code);
        Criteria criteria = Criteria.where("eventCode").is(code);
        if (session != null) {
            if (event.session(session).isEmpty()) {
                throw ApiException.invalid("session", "no session " + session + " in event " + code);
            }
            criteria = criteria.and("sessions.code").is(session);
        }
        if (status != null) {
            if (!List.of("CONFIRMED", "WAITLISTED", "CANCELLED").contains(status)) {
                throw ApiException.invalid("status", "must be CONFIRMED, WAITLISTED or CANCELLED");
            }
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt")), Registration.class);
    }
}
