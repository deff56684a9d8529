package eu.efus.conference.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts ({@code conference.staff.accounts}): password hashes in DelegatingPasswordEncoder
 * form (e.g. {@code {bcrypt}$2a$10$…}) and role names without the {@code ROLE_} prefix.
 */
@ConfigurationProperties("conference.staff")
public record StaffAccountsProperties(@DefaultValue List<Account> accounts) {

    /** One staff member who can sign in at the gateway. */
    public record Account(String username, String passwordHash, List<String> roles) {
    }
}
