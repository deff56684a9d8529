package eu.efus.conference.registration.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public reading of events and their programmes. */
@RestController
public class EventController {

    private final EventCatalog catalog;

    public EventController(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/events")
    public List<EventViews.EventListItem> list() {
        return catalog.upcoming().stream().map(catalog::listItem).toList();
    }

    @GetMapping("/api/events/{code}")
    public EventViews.EventDetail get(@PathVariable String code) {
        return catalog.detail(catalog.require(code));
    }
}
