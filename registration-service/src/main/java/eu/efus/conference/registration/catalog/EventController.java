package eu.efus.conference.registration.catalog;

import eu.efus.conference.kit.openapi.ApiProblem;
import eu.efus.conference.registration.ApiDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public reading of events and their programmes. */
@RestController
@Tag(name = ApiDocumentation.EVENTS_TAG)
public class EventController {

    private final EventCatalog catalog;

    public EventController(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(operationId = "listEvents", summary = "Events open or upcoming",
            description = "`capacity` null means unlimited; `seatsLeft` is what is left of it.")
    @GetMapping("/api/events")
    public List<EventViews.EventListItem> list() {
        return catalog.upcoming().stream().map(catalog::listItem).toList();
    }

    @Operation(operationId = "getEvent", summary = "One event with its sessions",
            description = "Each session with its seats left (`null` when unlimited) and the length of its waiting list.")
    @ApiProblem(status = 404, description = "No event with this code")
    @GetMapping("/api/events/{code}")
    public EventViews.EventDetail get(@PathVariable String code) {
        return catalog.detail(catalog.require(code));
    }
}
