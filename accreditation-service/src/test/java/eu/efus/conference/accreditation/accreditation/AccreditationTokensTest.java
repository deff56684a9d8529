package eu.efus.conference.accreditation.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.kit.identity.ManageToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every link emailed for a request opens it; nothing else does. */
class AccreditationTokensTest {

    @Test
    void aRequestAcceptsEveryTokenEmailedForItAndNoOther() {
        String first = ManageToken.generate();
        String second = ManageToken.generate();
        Accreditation a = new Accreditation("id", "EV", null, AccreditationStatus.NEEDS_INFO, null, "fr", null, null, null,
                null, null, null, List.of(ManageToken.hash(first), ManageToken.hash(second)), List.of(), null, null, 0);
        assertThat(a.acceptsToken(first)).isTrue();
        assertThat(a.acceptsToken(second)).isTrue();
        assertThat(a.acceptsToken(ManageToken.generate())).isFalse();
        assertThat(a.acceptsToken(null)).isFalse();
        assertThat(a.acceptsToken(ManageToken.hash(first))).as("the stored hash is not a token").isFalse();
    }
}
