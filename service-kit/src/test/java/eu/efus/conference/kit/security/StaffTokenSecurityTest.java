package eu.efus.conference.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** No service ships a staff-token secret: without one it does not start, and says which variable to set. */
class StaffTokenSecurityTest {

    @Test
    void theSharedDefaultsHoldNoSecret() throws IOException {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("conference-kit-defaults.properties"));
        assertThat(defaults).as("a default secret would be public").doesNotContainKey("conference.staff-token.secret");
        assertThat(defaults.values()).noneMatch(value -> String.valueOf(value).contains("demo-only"));
    }

    @Test
    void withoutASecretTheDecoderIsRefusedNamingTheVariable() {
        for (String secret : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> StaffTokenSecurity.decoder(secret)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("CONFERENCE_STAFF_TOKEN_SECRET is not set");
        }
        assertThatThrownBy(() -> StaffTokenSecurity.decoder("x".repeat(31)))
                .hasMessageContaining("CONFERENCE_STAFF_TOKEN_SECRET").hasMessageContaining("at least 32 bytes");
        assertThat(StaffTokenSecurity.decoder("x".repeat(32))).isNotNull();
    }
}
