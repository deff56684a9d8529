package eu.efus.conference.gateway.security;

import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/** The staff roles and the staff-only paths, in one place for the access rules and the public-write rate limit. */
public final class StaffRoles {

    public static final String ORGANIZER = "ORGANIZER";
    public static final String PRESS_OFFICER = "PRESS_OFFICER";

    public static final ServerWebExchangeMatcher ORGANIZER_PATHS = pathMatchers("/api/admin/**");

    // Any method, not only GET and POST: HEAD or an unplanned verb must not slip past as public.
    public static final ServerWebExchangeMatcher PRESS_OFFICER_PATHS =
            pathMatchers("/api/accreditations", "/api/accreditations/*/decision");

    public static final ServerWebExchangeMatcher STAFF_PATHS =
            new OrServerWebExchangeMatcher(ORGANIZER_PATHS, PRESS_OFFICER_PATHS);

    private StaffRoles() {
    }
}
