package eu.efus.conference.registration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Configuration;

/**
 * The title, introduction and sections of the service's OpenAPI document ({@code /v3/api-docs}); the parts every
 * service shares (server, problem answers, staff authentication, headers) come from the service kit.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "registration-service", description = """
        Events and their programmes, registrations with waiting lists, the organisers' event administration and \
        attendee lists, and the check-in desks at the venue. A participant registers without an account; the \
        confirmation email carries a private link (`/manage#id={id}&token={token}`) whose token, sent as \
        `X-Manage-Token`, lets them see and cancel the registration."""),
        tags = {
                @Tag(name = ApiDocumentation.EVENTS_TAG, description = "Public: the events open or upcoming, and their programmes"),
                @Tag(name = ApiDocumentation.REGISTRATIONS_TAG,
                        description = "Public: register for an event; see and cancel through the private link"),
                @Tag(name = ApiDocumentation.ORGANISER_TAG,
                        description = "Staff, role ORGANIZER: create and change events, attendee lists, arrivals"),
                @Tag(name = ApiDocumentation.CHECK_IN_TAG, description = "Staff, role CHECK_IN or ORGANIZER: admit "
                        + "people at the venue from their check-in code, and the roster an offline desk works from")})
public class ApiDocumentation {

    public static final String EVENTS_TAG = "Events";
    public static final String REGISTRATIONS_TAG = "Registrations";
    public static final String ORGANISER_TAG = "Organiser: events";
    public static final String CHECK_IN_TAG = "Check-in desk";
}
