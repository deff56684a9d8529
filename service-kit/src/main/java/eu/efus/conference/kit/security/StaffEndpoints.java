package eu.efus.conference.kit.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;

/** The staff-only endpoints of one service and the role each requires; everything else is public. */
public final class StaffEndpoints {

    /** One protected endpoint family; {@code method} null means every method. */
    public record Rule(HttpMethod method, String pattern, String role) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public StaffEndpoints require(String role, HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            rules.add(new Rule(method, pattern, role));
        }
        return this;
    }

    public StaffEndpoints require(String role, String... patterns) {
        return require(role, null, patterns);
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
