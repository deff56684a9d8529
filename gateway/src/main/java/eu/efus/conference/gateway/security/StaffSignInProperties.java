package eu.efus.conference.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser sign-in of staff ({@code conference.staff.sign-in}): whether the session and CSRF cookies are
 * {@code Secure} (set it behind HTTPS), and the damping of password guessing: at most {@code failureLimit} failed
 * sign-ins per client IP per {@code failurePeriod}, refilled continuously; past it the form answers "wait" without
 * checking the password.
 */
@ConfigurationProperties("conference.staff.sign-in")
public record StaffSignInProperties(
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue("10") int failureLimit,
        @DefaultValue("5m") Duration failurePeriod) {
}
