package eu.efus.conference.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class TimingSafeUserDetailsServiceTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final UserDetails organizer = User.withUsername("organizer").password(encoder.encode("secret")).roles("ORGANIZER").build();
    private final TimingSafeUserDetailsService accounts =
            new TimingSafeUserDetailsService(new MapReactiveUserDetailsService(organizer), encoder);

    @Test
    void knownAccountsAreReturnedAsConfigured() {
        UserDetails found = accounts.findByUsername("organizer").block();
        assertThat(found.getPassword()).isEqualTo(organizer.getPassword());
        assertThat(found.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ORGANIZER");
    }

    @Test
    void anUnknownNameGetsADecoyThatCostsABcryptRoundAndMatchesNothing() {
        UserDetails decoy = accounts.findByUsername("nobody").block();
        assertThat(decoy.getUsername()).isEqualTo("nobody");
        assertThat(decoy.getPassword()).startsWith("{bcrypt}$2a$10$");
        assertThat(decoy.getAuthorities()).isEmpty();
        assertThat(decoy.isEnabled()).as("refused by the password check, not earlier").isTrue();
        assertThat(encoder.matches("secret", decoy.getPassword())).isFalse();
        assertThat(encoder.matches("", decoy.getPassword())).isFalse();
    }
}
