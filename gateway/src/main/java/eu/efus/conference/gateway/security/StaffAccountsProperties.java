package eu.efus.conference.gateway.security;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts: password hashes in DelegatingPasswordEncoder form (e.g. {@code {bcrypt}$2a$10$…}) and role
 * names without the {@code ROLE_} prefix. None ship with the gateway: a deployment gives them either as
 * properties ({@code conference.staff.accounts[0].username}, or the environment variables
 * {@code CONFERENCE_STAFF_ACCOUNTS_0_USERNAME}, {@code …_PASSWORD_HASH}, {@code …_ROLES}), or in a YAML file named by
 * {@code conference.staff.accounts-file} ({@code CONFERENCE_STAFF_ACCOUNTS_FILE}) holding an {@code accounts:} list
 * of the same shape. Both together are merged; a username given twice is refused.
 */
@ConfigurationProperties("conference.staff")
public record StaffAccountsProperties(@DefaultValue List<Account> accounts, Path accountsFile) {

    /** One staff member who can sign in at the gateway. */
    public record Account(String username, String passwordHash, List<String> roles) {
    }
}
