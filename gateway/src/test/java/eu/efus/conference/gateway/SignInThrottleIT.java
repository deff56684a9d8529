package eu.efus.conference.gateway;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing on the sign-in form is damped per client address; cookies can be forced Secure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference.staff.sign-in.failure-limit=2",
        "conference.staff.sign-in.failure-period=10m",
        "conference.staff.sign-in.secure-cookies=true",
        "conference.gateway.public-write-rate.trust-forwarded-for=true"})
class SignInThrottleIT extends GatewayTestSupport {

    @Test
    void afterTooManyFailuresFromOneAddressEvenTheRightPasswordWaits() {
        StaffSession browser = new StaffSession(client);
        browser.openSignInPage();

        assertThat(signIn(browser, "203.0.113.7", "guess-1").getResponseHeaders().getLocation())
                .isEqualTo(URI.create("/staff/login?error"));
        assertThat(signIn(browser, "203.0.113.7", "guess-2").getResponseHeaders().getLocation())
                .isEqualTo(URI.create("/staff/login?error"));

        EntityExchangeResult<byte[]> throttled = signIn(browser, "203.0.113.7", "demo-organizer");
        assertThat(throttled.getStatus().value()).isEqualTo(303);
        assertThat(throttled.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/login?error=busy"));
        assertThat(throttled.getResponseCookies()).doesNotContainKey(StaffSession.SESSION);

        // Another address is not affected, and there the session cookie is Secure as configured.
        EntityExchangeResult<byte[]> other = signIn(browser, "198.51.100.4", "demo-organizer");
        assertThat(other.getStatus().value()).isEqualTo(302);
        assertThat(other.getResponseHeaders().getLocation()).isEqualTo(URI.create("/staff/organizer"));
        ResponseCookie session = other.getResponseCookies().getFirst(StaffSession.SESSION);
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(browser.xsrf).isNotBlank();
        assertThat(client.get().uri("/staff/login").accept(MediaType.TEXT_HTML).exchange().expectBody().returnResult()
                .getResponseCookies().getFirst(StaffSession.XSRF).isSecure()).isTrue();
    }

    private EntityExchangeResult<byte[]> signIn(StaffSession browser, String address, String password) {
        return client.post().uri("/staff/login")
                .header("X-Forwarded-For", address)
                .accept(MediaType.TEXT_HTML)
                .headers(browser::cookies)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "organizer").with("password", password).with("_csrf", browser.xsrf))
                .exchange().expectBody().returnResult();
    }
}
