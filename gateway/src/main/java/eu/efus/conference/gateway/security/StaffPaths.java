package eu.efus.conference.gateway.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The staff web pages, and which one a signed-in staff member lands on. */
public final class StaffPaths {

    public static final String LOGIN = "/staff/login";
    public static final String LOGOUT = "/staff/logout";
    public static final String PRESS_DESK = "/staff/press";
    public static final String ORGANIZER_DASHBOARD = "/staff/organizer";
    public static final String CHECK_IN_DESK = "/staff/checkin";
    /** For an account with no staff role: it can sign in, and do nothing. */
    public static final String FORBIDDEN_PAGE = "/staff/forbidden.html";

    /**
     * Each staff page and the roles that open it, in the order of the staff menu: the access rules of the pages and
     * the menu both read this, so the menu never offers a page its reader would be refused. Organisers may stand in
     * at a check-in desk.
     */
    public static final Map<String, List<String>> PAGE_ROLES = pageRoles();

    /** After sign-in: "?error" (bad credentials), "?error=expired" (form token missing), "?error=busy" (throttled). */
    public static final String LOGIN_FAILED = LOGIN + "?error";
    public static final String LOGIN_EXPIRED = LOGIN + "?error=expired";
    public static final String LOGIN_BUSY = LOGIN + "?error=busy";
    public static final String SIGNED_OUT = LOGIN + "?signed-out";

    private StaffPaths() {
    }

    /**
     * The organiser dashboard for organisers (whatever else they are), else the press desk for press officers, else
     * the check-in desk for desk staff; null for none of the staff roles.
     */
    public static String landingPage(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        if (has(authorities, StaffRoles.ORGANIZER)) {
            return ORGANIZER_DASHBOARD;
        }
        if (has(authorities, StaffRoles.PRESS_OFFICER)) {
            return PRESS_DESK;
        }
        if (has(authorities, StaffRoles.CHECK_IN)) {
            return CHECK_IN_DESK;
        }
        return null;
    }

    /** The staff pages {@code authentication}'s roles open, in menu order. */
    public static List<String> pagesFor(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        return PAGE_ROLES.entrySet().stream()
                .filter(page -> page.getValue().stream().anyMatch(role -> has(authorities, role)))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, List<String>> pageRoles() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(ORGANIZER_DASHBOARD, List.of(StaffRoles.ORGANIZER));
        pages.put(PRESS_DESK, List.of(StaffRoles.PRESS_OFFICER));
        pages.put(CHECK_IN_DESK, List.of(StaffRoles.CHECK_IN, StaffRoles.ORGANIZER));
        return java.util.Collections.unmodifiableMap(pages);
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, String role) {
        return authorities.stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
