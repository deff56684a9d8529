package eu.efus.conference.gateway;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's staff session, by hand: WebTestClient keeps no cookies, so this holds the two the gateway sets
 * (SESSION, HttpOnly; XSRF-TOKEN, readable by the pages' scripts) and sends them back like a browser would.
 */
final class StaffSession {

    static final String SESSION = "SESSION";
    static final String XSRF = "XSRF-TOKEN";

    private final WebTestClient client;
    String session;
    String xsrf;

    StaffSession(WebTestClient client) {
        this.client = client;
    }

    /** Opens the sign-in page (which hands out the CSRF cookie), posts the form, and follows nothing. */
    static StaffSession signIn(WebTestClient client, String username, String password, String expectedLanding) {
        StaffSession browser = new StaffSession(client);
        browser.openSignInPage();
        EntityExchangeResult<byte[]> result = browser.postSignIn(username, password, browser.xsrf);
        assertThat(result.getStatus().value()).isEqualTo(302);
        assertThat(result.getResponseHeaders().getLocation()).isEqualTo(URI.create(expectedLanding));
        ResponseCookie session = result.getResponseCookies().getFirst(SESSION);
        assertThat(session).as("session cookie").isNotNull();
        browser.session = session.getValue();
        browser.take(result);
        return browser;
    }

    EntityExchangeResult<byte[]> openSignInPage() {
        EntityExchangeResult<byte[]> page = client.get().uri("/staff/login").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isOk().expectBody().returnResult();
        take(page);
        assertThat(xsrf).as("CSRF cookie from the sign-in page").isNotBlank();
        return page;
    }

    EntityExchangeResult<byte[]> postSignIn(String username, String password, String formToken) {
        var form = BodyInserters.fromFormData("username", username).with("password", password);
        if (formToken != null) {
            form = form.with("_csrf", formToken);
        }
        EntityExchangeResult<byte[]> result = client.post().uri("/staff/login")
                .accept(MediaType.TEXT_HTML)
                .headers(this::cookies)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange().expectBody().returnResult();
        return result;
    }

    /** A page load (Accept: text/html) with the session; takes any new CSRF cookie like a browser. */
    EntityExchangeResult<String> page(String path) {
        EntityExchangeResult<String> result = client.get().uri(path).accept(MediaType.TEXT_HTML).headers(this::cookies)
                .exchange().expectBody(String.class).returnResult();
        take(result);
        return result;
    }

    WebTestClient.RequestHeadersSpec<?> get(String path) {
        return client.get().uri(path).accept(MediaType.APPLICATION_JSON).header("X-Requested-With", "staff-page")
                .headers(this::cookies);
    }

    /** A JSON write as the staff pages send it: session cookie, and the CSRF header unless {@code csrfHeader} is null. */
    WebTestClient.RequestHeadersSpec<?> post(String path, String json, String csrfHeader) {
        return client.post().uri(path).accept(MediaType.APPLICATION_JSON).header("X-Requested-With", "staff-page")
                .headers(this::cookies)
                .headers(h -> {
                    if (csrfHeader != null) {
                        h.set("X-XSRF-TOKEN", csrfHeader);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    EntityExchangeResult<byte[]> signOut(String formToken) {
        var form = BodyInserters.fromFormData("_csrf", formToken == null ? "" : formToken);
        EntityExchangeResult<byte[]> result = client.post().uri("/staff/logout").accept(MediaType.TEXT_HTML)
                .headers(this::cookies)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange().expectBody().returnResult();
        take(result);
        return result;
    }

    void cookies(HttpHeaders headers) {
        List<String> pairs = new java.util.ArrayList<>();
        if (session != null) {
            pairs.add(SESSION + "=" + session);
        }
        if (xsrf != null) {
            pairs.add(XSRF + "=" + xsrf);
        }
        if (!pairs.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, String.join("; ", pairs));
        }
    }

    /** Applies the response's Set-Cookie headers (a Max-Age=0 cookie is deleted). */
    void take(EntityExchangeResult<?> result) {
        ResponseCookie newXsrf = result.getResponseCookies().getFirst(XSRF);
        if (newXsrf != null) {
            xsrf = newXsrf.getMaxAge().isZero() ? null : newXsrf.getValue();
        }
        ResponseCookie newSession = result.getResponseCookies().getFirst(SESSION);
        if (newSession != null) {
            session = newSession.getMaxAge().isZero() ? null : newSession.getValue();
        }
    }
}
