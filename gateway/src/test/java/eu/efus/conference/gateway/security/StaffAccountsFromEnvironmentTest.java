package eu.efus.conference.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import eu.efus.conference.gateway.security.StaffAccountsProperties.Account;

/**
 * The staff accounts a deployment gives in the environment, under the names the README documents
 * ({@code CONFERENCE_STAFF_ACCOUNTS_0_USERNAME}, {@code …_PASSWORD_HASH}, {@code …_ROLES}, then {@code _1_}, …), bound
 * the way the gateway binds its {@code conference.staff} properties from the process environment.
 */
class StaffAccountsFromEnvironmentTest {

    /** organizer / demo-organizer, made with Spring Security's BCryptPasswordEncoder. */
    private static final String ORGANIZER_HASH = "{bcrypt}$2a$10$pM0IvrYCLIn6EXMYNTsHoO86/aQSVkexO5Lynxwp/g2RaYPGc0hC6";
    /** {@code htpasswd -nbBC 10 "" demo-desk}. */
    private static final String HTPASSWD_HASH = "{bcrypt}$2y$10$6esX8sI9rkRUu8vlnajD..u2GCUWjTtEoRXzPsW9EQG.qS/RR0K.S";

    /** The properties as the gateway gets them from this environment (the process environment's property source). */
    private static StaffAccountsProperties bind(Map<String, Object> environment) {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        return binder.bindOrCreate("conference.staff", StaffAccountsProperties.class);
    }

    @Test
    void accountsNumberedInTheEnvironmentAreTheDeploymentsAccountsWithTheirRolesAndHashes() {
        Map<String, Object> environment = Map.of(
                "CONFERENCE_STAFF_ACCOUNTS_0_USERNAME", "maria.organiser",
                "CONFERENCE_STAFF_ACCOUNTS_0_PASSWORD_HASH", ORGANIZER_HASH,
                "CONFERENCE_STAFF_ACCOUNTS_0_ROLES", "ORGANIZER,CHECK_IN",
                "CONFERENCE_STAFF_ACCOUNTS_1_USERNAME", "press.desk",
                "CONFERENCE_STAFF_ACCOUNTS_1_PASSWORD_HASH", HTPASSWD_HASH,
                "CONFERENCE_STAFF_ACCOUNTS_1_ROLES", "PRESS_OFFICER");

        List<Account> accounts = StaffAccounts.of(bind(environment));

        assertThat(accounts).extracting(Account::username).containsExactly("maria.organiser", "press.desk");
        assertThat(accounts.get(0).roles()).containsExactly("ORGANIZER", "CHECK_IN");
        assertThat(accounts.get(1).roles()).containsExactly("PRESS_OFFICER");
        assertThat(accounts.get(1).passwordHash()).isEqualTo(HTPASSWD_HASH);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("demo-organizer", accounts.get(0).passwordHash())).isTrue();
    }

    @Test
    void theEnvironmentAndTheAccountsFileTogetherGiveEveryAccount() {
        Map<String, Object> environment = new HashMap<>(Map.of(
                "CONFERENCE_STAFF_ACCOUNTS_0_USERNAME", "door-7",
                "CONFERENCE_STAFF_ACCOUNTS_0_PASSWORD_HASH", HTPASSWD_HASH,
                "CONFERENCE_STAFF_ACCOUNTS_0_ROLES", "CHECK_IN"));
        environment.put("CONFERENCE_STAFF_ACCOUNTS_FILE", Path.of("..", "deploy", "demo", "staff-accounts.yml").toString());

        StaffAccountsProperties properties = bind(environment);

        assertThat(properties.accountsFile()).isEqualTo(Path.of("..", "deploy", "demo", "staff-accounts.yml"));
        assertThat(StaffAccounts.of(properties)).extracting(Account::username)
                .containsExactly("door-7", "organizer", "press-officer", "checkin");
    }

    @Test
    void aMistakeInTheEnvironmentIsNamedLikeOneInTheFile() {
        assertThatThrownBy(() -> StaffAccounts.of(bind(Map.of(
                "CONFERENCE_STAFF_ACCOUNTS_0_USERNAME", "paul",
                "CONFERENCE_STAFF_ACCOUNTS_0_PASSWORD_HASH", "a plain password",
                "CONFERENCE_STAFF_ACCOUNTS_0_ROLES", "ORGANIZER"))))
                .hasMessageContaining("'paul'").hasMessageContaining("password-hash");
        assertThatThrownBy(() -> StaffAccounts.of(bind(Map.of(
                "CONFERENCE_STAFF_ACCOUNTS_0_USERNAME", "paul",
                "CONFERENCE_STAFF_ACCOUNTS_0_PASSWORD_HASH", ORGANIZER_HASH))))
                .as("no roles").hasMessageContaining("'paul'").hasMessageContaining("roles");
        assertThatThrownBy(() -> StaffAccounts.of(bind(Map.of())))
                .as("nothing in the environment and no file").hasMessageContaining("CONFERENCE_STAFF_ACCOUNTS_0_USERNAME");
    }
}
