package eu.efus.conference.gateway.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import eu.efus.conference.gateway.security.StaffAccountsProperties.Account;

/**
 * The staff accounts of this deployment, from the properties and the accounts file, checked before the gateway
 * starts: every account needs a username, a hash in {@code {id}hash} form (never a plain password) and at least one
 * known role. A mistake stops the start with a message naming the account and the field.
 */
final class StaffAccounts {

    /** {@code {bcrypt}$2a$10$…}: the DelegatingPasswordEncoder's form, with the algorithm's id first. */
    private static final Pattern ENCODED = Pattern.compile("^\\{[a-z0-9_-]+}.+");
    /** What {@code htpasswd -B} or any bcrypt library prints: $2a$, $2b$ or $2y$, the cost, 53 characters. */
    private static final Pattern BCRYPT = Pattern.compile("^\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    private static final Set<String> ROLES = Set.of(StaffRoles.ORGANIZER, StaffRoles.PRESS_OFFICER, StaffRoles.CHECK_IN);

    private StaffAccounts() {
    }

    static List<Account> of(StaffAccountsProperties properties) {
        List<Account> all = new ArrayList<>(properties.accounts());
        if (properties.accountsFile() != null) {
            all.addAll(readFile(properties.accountsFile()));
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("No staff account is configured, so nobody could sign in. Give them in a file "
                    + "(CONFERENCE_STAFF_ACCOUNTS_FILE) or in the environment (CONFERENCE_STAFF_ACCOUNTS_0_USERNAME, "
                    + "..._PASSWORD_HASH, ..._ROLES): see the README, \"Staff accounts\".");
        }
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Account account = all.get(i);
            String where = "staff account " + (account.username() == null ? "#" + (i + 1) : "'" + account.username() + "'");
            if (account.username() == null || account.username().isBlank()) {
                throw new IllegalStateException(where + ": username is missing");
            }
            if (!usernames.add(account.username().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(where + ": username is given twice");
            }
            if (account.passwordHash() == null || !ENCODED.matcher(account.passwordHash()).matches()) {
                throw new IllegalStateException(where + ": password-hash must be an encoded hash such as "
                        + "{bcrypt}$2y$10$... (see the README, \"Staff accounts\", for how to make one); never a plain password");
            }
            if (account.passwordHash().startsWith("{bcrypt}") && !BCRYPT.matcher(account.passwordHash()).matches()) {
                throw new IllegalStateException(where + ": password-hash is not a whole bcrypt hash ({bcrypt} then what "
                        + "htpasswd -nbBC 12 \"\" 'the password' prints after the colon)");
            }
            if (account.roles() == null || account.roles().isEmpty() || !ROLES.containsAll(account.roles())) {
                throw new IllegalStateException(where + ": roles must be one or more of " + ROLES + ", got " + account.roles());
            }
        }
        return all;
    }

    private static List<Account> readFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("The staff accounts file " + file.toAbsolutePath()
                    + " (conference.staff.accounts-file) cannot be read");
        }
        List<Account> accounts;
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("staff-accounts", new FileSystemResource(file));
            accounts = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("accounts", Bindable.listOf(Account.class)).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The staff accounts file " + file.toAbsolutePath() + " is not valid YAML of the "
                    + "documented shape: " + e.getMessage(), e);
        }
        if (accounts.isEmpty()) {
            throw new IllegalStateException("The staff accounts file " + file.toAbsolutePath() + " has no 'accounts:' list");
        }
        return accounts;
    }
}
