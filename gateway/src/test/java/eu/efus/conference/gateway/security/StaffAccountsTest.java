package eu.efus.conference.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import eu.efus.conference.gateway.security.StaffAccountsProperties.Account;

class StaffAccountsTest {

    /** {@code htpasswd -nbBC 10 "" demo-desk} (Apache's tool writes the $2y$ variant, which Spring reads). */
    private static final String HTPASSWD_HASH = "{bcrypt}$2y$10$6esX8sI9rkRUu8vlnajD..u2GCUWjTtEoRXzPsW9EQG.qS/RR0K.S";
    private static final String ORGANIZER_HASH = "{bcrypt}$2a$10$pM0IvrYCLIn6EXMYNTsHoO86/aQSVkexO5Lynxwp/g2RaYPGc0hC6";

    @TempDir
    Path dir;

    @Test
    void aFileAndPropertiesTogetherGiveTheAccounts() throws IOException {
        Path file = dir.resolve("staff-accounts.yml");
        Files.writeString(file, """
                accounts:
                  - username: desk
                    password-hash: "%s"
                    roles: [PRESS_OFFICER]
                """.formatted(HTPASSWD_HASH));
        List<Account> accounts = StaffAccounts.of(new StaffAccountsProperties(
                List.of(new Account("organizer", ORGANIZER_HASH, List.of("ORGANIZER"))), file));
        assertThat(accounts).extracting(Account::username).containsExactly("organizer", "desk");
        assertThat(accounts.get(1).roles()).containsExactly("PRESS_OFFICER");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("demo-desk", accounts.get(1).passwordHash()))
                .as("a hash made with htpasswd, no code written").isTrue();
    }

    /** The demo desk account's hash, made with Spring Security's BCryptPasswordEncoder. */
    private static final String CHECK_IN_HASH = "{bcrypt}$2a$10$gST7mm0YiJv1.iDCqPH3P.GfYuuZ4bBXNvMG7lxWbF/sqcAAOQIeu";

    @Test
    void deskStaffHaveTheirOwnRoleAloneOrWithAnother() throws IOException {
        Path file = dir.resolve("staff-accounts.yml");
        Files.writeString(file, """
                accounts:
                  - username: door-1
                    password-hash: "%s"
                    roles: [CHECK_IN]
                  - username: anna.lead
                    password-hash: "%s"
                    roles: [PRESS_OFFICER, CHECK_IN]
                """.formatted(CHECK_IN_HASH, HTPASSWD_HASH));
        List<Account> accounts = StaffAccounts.of(new StaffAccountsProperties(List.of(), file));
        assertThat(accounts).extracting(Account::username).containsExactly("door-1", "anna.lead");
        assertThat(accounts.get(0).roles()).containsExactly("CHECK_IN");
        assertThat(accounts.get(1).roles()).containsExactly("PRESS_OFFICER", "CHECK_IN");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("demo-checkin", accounts.get(0).passwordHash()))
                .isTrue();
        // The role is spelt as documented: a near miss is refused by name, not silently ignored.
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(
                List.of(new Account("door-2", CHECK_IN_HASH, List.of("CHECKIN"))), null)))
                .hasMessageContaining("'door-2'").hasMessageContaining("roles").hasMessageContaining("CHECK_IN");
    }

    @Test
    void theCommittedExampleFileIsRefusedUntilItsHashesAreReplacedAndTheDemoFileIsAccepted() {
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(List.of(),
                Path.of("..", "deploy", "staff-accounts.example.yml"))))
                .hasMessageContaining("'maria.organiser'").hasMessageContaining("not a whole bcrypt hash");
        assertThat(StaffAccounts.of(new StaffAccountsProperties(List.of(), Path.of("..", "deploy", "demo", "staff-accounts.yml"))))
                .extracting(Account::username).containsExactly("organizer", "press-officer", "checkin");
    }

    @Test
    void noAccountAtAllStopsTheStartWithWhatToDo() {
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(List.of(), null)))
                .hasMessageContaining("No staff account").hasMessageContaining("CONFERENCE_STAFF_ACCOUNTS_FILE");
    }

    @Test
    void aMissingOrMalformedFileIsNamed() throws IOException {
        Path missing = dir.resolve("nowhere.yml");
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(List.of(), missing)))
                .hasMessageContaining(missing.toString()).hasMessageContaining("cannot be read");
        Path empty = Files.writeString(dir.resolve("empty.yml"), "users: []\n");
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(List.of(), empty)))
                .hasMessageContaining("has no 'accounts:' list");
        Path broken = Files.writeString(dir.resolve("broken.yml"), "accounts: [ {username: a\n");
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(List.of(), broken)))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aPlainPasswordAnUnknownRoleOrATwiceGivenNameIsRefusedByName() {
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(
                List.of(new Account("organizer", "demo-organizer", List.of("ORGANIZER"))), null)))
                .hasMessageContaining("'organizer'").hasMessageContaining("password-hash");
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(
                List.of(new Account("paul", "{bcrypt}$2y$12$REPLACE.WITH.THE.OUTPUT.OF.HTPASSWD", List.of("ORGANIZER"))), null)))
                .hasMessageContaining("'paul'").hasMessageContaining("not a whole bcrypt hash");
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(
                List.of(new Account("organizer", ORGANIZER_HASH, List.of("ADMIN"))), null)))
                .hasMessageContaining("'organizer'").hasMessageContaining("roles");
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(
                List.of(new Account("organizer", ORGANIZER_HASH, List.of("ORGANIZER")),
                        new Account("Organizer", ORGANIZER_HASH, List.of("PRESS_OFFICER"))), null)))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> StaffAccounts.of(new StaffAccountsProperties(
                List.of(new Account(" ", ORGANIZER_HASH, List.of("ORGANIZER"))), null)))
                .hasMessageContaining("username is missing");
    }
}
