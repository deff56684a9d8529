package eu.efus.conference.gateway.security;

import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/** The staff roles and the staff-only paths, in one place for the access rules and the public-write rate limit. */
public final class StaffRoles {

    public static final String ORGANIZER = "ORGANIZER";
    public static final String PRESS_OFFICER = "PRESS_OFFICER";
    /** The people at the entrance desks: they admit attendees, and see nothing else. */
    public static final String CHECK_IN = "CHECK_IN";

    public static final ServerWebExchangeMatcher ORGANIZER_PATHS = pathMatchers("/api/admin/**");

    // Any method, not only GET and POST: HEAD or an unplanned verb must not slip past as public.
    public static final ServerWebExchangeMatcher PRESS_OFFICER_PATHS =
            pathMatchers("/api/accreditations", "/api/accreditations/*/decision");

    /** Check-in and the offline desk's roster: desk staff, and organisers (who may stand in at a desk). */
    public static final ServerWebExchangeMatcher CHECK_IN_PATHS = pathMatchers("/api/checkin", "/api/checkin/**");

    public static final ServerWebExchangeMatcher STAFF_PATHS =
            new OrServerWebExchangeMatcher(ORGANIZER_PATHS, PRESS_OFFICER_PATHS, CHECK_IN_PATHS);

    private StaffRoles() {
    }
}
