package eu.efus.conference.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the gateway in front of three fake services. Subclasses share one Spring context (same
 * configuration, same fakes), so the fakes are reset before each test instead of restarted.
 * Tests always read response bodies ({@code expectBody()}), even when only the status matters:
 * an unread body keeps a pooled Netty buffer in the test client, reported later as a leak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestSupport {

    static final FakeService REGISTRATION = new FakeService("registration");
    static final FakeService ACCREDITATION = new FakeService("accreditation");
    static final FakeService NOTIFICATION = new FakeService("notification");

    static final String TEST_SECRET = "test-secret-for-the-staff-token-0123456789abcdef";

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("conference.routes.registration", REGISTRATION::url);
        registry.add("conference.routes.accreditation", ACCREDITATION::url);
        registry.add("conference.routes.notification", NOTIFICATION::url);
        registry.add("conference.staff-token.secret", () -> TEST_SECRET);
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @BeforeEach
    void resetFakes() {
        REGISTRATION.reset();
        ACCREDITATION.reset();
        NOTIFICATION.reset();
    }
}
