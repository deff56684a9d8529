package eu.efus.conference.notification;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Configuration;

/**
 * The title, introduction and sections of the service's OpenAPI document ({@code /v3/api-docs}); the parts every
 * service shares (server, problem answers, staff authentication, headers) come from the service kit.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "notification-service", description = """
        The delivery ledger: every email the platform sends (confirmations, waiting list and promotion notices, \
        cancellations, accreditation answers) is a ledger entry before it is sent, with its status, attempts, last \
        error and Message-ID. Organisers read the ledger of a recipient and ask for an email to be sent again; the \
        emails themselves are sent in reaction to the other services' events, not through this API."""),
        tags = @Tag(name = ApiDocumentation.LEDGER_TAG,
                description = "Staff, role ORGANIZER: what was sent to whom, and sending again"))
public class ApiDocumentation {

    public static final String LEDGER_TAG = "Organiser: delivery ledger";
}
