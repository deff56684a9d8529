package eu.efus.conference.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

class LanguageSwitchFilterTest {

    private final LanguageSwitchFilter filter = new LanguageSwitchFilter(new Languages(false));

    @Test
    void anAddressStartingWithTwoSlashesIsNotAWayToSendVisitorsToAnotherSite() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .method(HttpMethod.GET, URI.create("http://localhost//evil.example/phish?lang=fr")).build());
        filter.filter(exchange, e -> Mono.error(new AssertionError("the switch answers by itself"))).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(exchange.getResponse().getHeaders().getLocation()).hasToString("/evil.example/phish");
        assertThat(exchange.getResponse().getCookies().getFirst(Languages.COOKIE).getValue()).isEqualTo("fr");
    }
}
