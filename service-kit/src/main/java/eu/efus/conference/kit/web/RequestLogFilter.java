package eu.efus.conference.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One INFO line per request: method, path template (the path when no handler matched), status, duration. No query
 * string, headers or body, which can carry manage tokens, addresses and other personal data. Runs inside the HTTP
 * server observation, so the line carries the request's trace id (logging MDC). Actuator requests (probes every second)
 * get no line.
 */
public class RequestLogFilter extends OncePerRequestFilter {

    /** The logger of the request lines, apart from the code's own loggers so it can be turned down on its own. */
    public static final String LOGGER = "eu.efus.conference.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !log.isInfoEnabled() || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            // An exception escaping the chain becomes a 500 answered after this filter returns.
            int status = failed && response.getStatus() < 400 ? 500 : response.getStatus();
            log.info("{} {} {} {}ms", request.getMethod(), path(request), status, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The handler's path template ({@code /api/registrations/{id}}): no ids, no tokens, bounded variety. */
    private static String path(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // "/**" is the static resources' catch-all, matched by any unknown path: the path itself says more.
        return pattern != null && !"/**".equals(pattern) ? pattern.toString() : request.getRequestURI();
    }
}
