package eu.efus.conference.gateway.security;

import eu.efus.conference.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Answers 401 (missing or bad credentials) and 403 (wrong role) as problem+json instead of Spring Security's empty bodies. */
public class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String REALM = "conference";

    /** Sent by the staff pages' scripts: their 401 (an expired session) must not pop up the browser's Basic dialog. */
    static final String SCRIPT_HEADER = "X-Requested-With";

    private final boolean basicChallenge;

    /** With {@code basicChallenge}, a 401 invites HTTP Basic (the API, for scripts); without, it does not (pages). */
    public ProblemSecurityHandlers(boolean basicChallenge) {
        this.basicChallenge = basicChallenge;
    }

    public ProblemSecurityHandlers() {
        this(true);
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (basicChallenge && !exchange.getRequest().getHeaders().containsHeader(SCRIPT_HEADER)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        return Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "Authentication required",
                "Sign in with a staff account to use this resource.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden",
                    "The request from a signed-in page lacks its CSRF token (X-XSRF-TOKEN header); reload the page and retry.");
        }
        return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden",
                "Your account does not have the role this resource requires.");
    }
}
