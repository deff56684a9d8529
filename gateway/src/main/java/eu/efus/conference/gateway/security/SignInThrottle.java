package eu.efus.conference.gateway.security;

import java.net.URI;

import eu.efus.conference.gateway.limits.ClientAddress;
import eu.efus.conference.gateway.limits.TokenBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Damps password guessing on the sign-in form: failed sign-ins are counted per client IP, and past the budget the
 * form is answered "too many attempts, wait" before any password is checked (no bcrypt round for a guesser).
 * Successful sign-ins cost nothing, so colleagues behind one office address are not locked out by each other.
 * HTTP Basic on the API is not counted here: scripts there get plain 401s.
 */
public class SignInThrottle implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Null when the limit is 0 (disabled). */
    private final TokenBuckets failures;
    private final boolean trustForwardedFor;
    private final RedirectServerAuthenticationFailureHandler failed =
            new RedirectServerAuthenticationFailureHandler(StaffPaths.LOGIN_FAILED);

    public SignInThrottle(StaffSignInProperties properties, boolean trustForwardedFor) {
        this.failures = properties.failureLimit() > 0
                ? new TokenBuckets(properties.failureLimit(), properties.failurePeriod(), System::nanoTime)
                : null;
        this.trustForwardedFor = trustForwardedFor;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (failures == null || request.getMethod() != HttpMethod.POST || !StaffPaths.LOGIN.equals(request.getPath().value())) {
            return chain.filter(exchange);
        }
        if (failures.waitFor(ClientAddress.of(request, trustForwardedFor)) == 0) {
            return chain.filter(exchange);
        }
        log.warn("Sign-in refused without checking: too many failed attempts from one address");
        // A redirect, not a bare 429: a person at the form must see the explanation on the form itself.
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create(StaffPaths.LOGIN_BUSY));
        return exchange.getResponse().setComplete();
    }

    /** The form login's failure handler: counts the failure, then back to the form with one message for every cause. */
    public ServerAuthenticationFailureHandler failureHandler() {
        return (WebFilterExchange webFilterExchange, AuthenticationException exception) -> {
            if (failures != null) {
                failures.tryAcquire(ClientAddress.of(webFilterExchange.getExchange().getRequest(), trustForwardedFor));
            }
            // Never the user name: logs must not help anyone learn which accounts exist.
            log.info("Failed staff sign-in");
            return failed.onAuthenticationFailure(webFilterExchange, exception);
        };
    }

    @Override
    public int getOrder() {
        // After the body size check (-300), before Spring Security (-100).
        return -250;
    }
}
