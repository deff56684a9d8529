package eu.efus.conference.gateway.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The staff web pages, and which one a signed-in staff member lands on. */
public final class StaffPaths {

    public static final String LOGIN = "/staff/login";
    public static final String LOGOUT = "/staff/logout";
    public static final String PRESS_DESK = "/staff/press";
    public static final String ORGANIZER_DASHBOARD = "/staff/organizer";
    /** For an account with neither staff role: it can sign in, and do nothing. */
    public static final String FORBIDDEN_PAGE = "/staff/forbidden.html";

    /** After sign-in: "?error" (bad credentials), "?error=expired" (form token missing), "?error=busy" (throttled). */
    public static final String LOGIN_FAILED = LOGIN + "?error";
    public static final String LOGIN_EXPIRED = LOGIN + "?error=expired";
    public static final String LOGIN_BUSY = LOGIN + "?error=busy";
    public static final String SIGNED_OUT = LOGIN + "?signed-out";

    private StaffPaths() {
    }

    /** The organiser dashboard for organisers (also when they are press officers too), else the press desk; null for neither. */
    public static String landingPage(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        if (has(authorities, StaffRoles.ORGANIZER)) {
            return ORGANIZER_DASHBOARD;
        }
        if (has(authorities, StaffRoles.PRESS_OFFICER)) {
            return PRESS_DESK;
        }
        return null;
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, String role) {
        return authorities.stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
