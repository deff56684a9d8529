package eu.efus.conference.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private final MailSettings defaults = new MailSettings(null, null, null, null, null, null, null, null, null, null);

    @Test
    void theSenderNameMayContainACommaAndTheDomainFollowsTheAddress() {
        assertThat(defaults.fromAddress().getPersonal()).isEqualTo("Security, Democracy & Cities");
        assertThat(defaults.fromAddress().getAddress()).isEqualTo("no-reply@conference.efus.example");
        assertThat(defaults.domain()).isEqualTo("conference.efus.example");
        assertThat(new MailSettings("plain@efus.example", null, null, null, null, null, null, null, null, null).domain())
                .isEqualTo("efus.example");
        assertThatThrownBy(() -> new MailSettings("Broken <not an address>", null, null, null, null, null, null, null, null, null)
                .fromAddress()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void backoffDoublesFromTwoSecondsUpToFiveMinutes() {
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.backoffAfter(7)).isEqualTo(Duration.ofSeconds(128));
        assertThat(defaults.backoffAfter(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(defaults.backoffAfter(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.backoffAfter(100)).isEqualTo(Duration.ofMinutes(5));
    }
}
