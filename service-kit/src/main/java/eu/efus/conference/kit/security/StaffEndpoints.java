package eu.efus.conference.kit.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The staff-only endpoints of one service and the roles each admits; everything else is public. Rules are matched in
 * the order they were added, the first match deciding, as Spring Security does.
 */
public final class StaffEndpoints {

    /**
     * One protected endpoint family; {@code method} null means every method. A staff member holding any one of
     * {@code roles} is let through (a desk role and the organisers who may stand in for it, say).
     */
    public record Rule(HttpMethod method, String pattern, List<String> roles) {

        public Rule {
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("A staff rule for " + pattern + " needs at least one role");
            }
            roles = List.copyOf(roles);
        }

        /** A rule admitting one role. */
        public Rule(HttpMethod method, String pattern, String role) {
            this(method, pattern, List.of(role));
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    public StaffEndpoints require(String role, HttpMethod method, String... patterns) {
        return requireAny(List.of(role), method, patterns);
    }

    public StaffEndpoints require(String role, String... patterns) {
        return require(role, null, patterns);
    }

    /** Admits a staff member holding any of {@code roles}; {@code method} null means every method. */
    public StaffEndpoints requireAny(List<String> roles, HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            rules.add(new Rule(method, pattern, roles));
        }
        return this;
    }

    /** Admits a staff member holding any of {@code roles}, whatever the method. */
    public StaffEndpoints requireAny(List<String> roles, String... patterns) {
        return requireAny(roles, null, patterns);
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
