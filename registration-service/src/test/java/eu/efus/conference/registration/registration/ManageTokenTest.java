package eu.efus.conference.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageTokenTest {

    @Test
    void tokensCarryAtLeast128RandomBitsAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = ManageToken.generate();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void onlyTheHashIsKeptAndOnlyTheTokenMatchesIt() {
        String token = ManageToken.generate();
        String hash = ManageToken.hash(token);
        assertThat(hash).doesNotContain(token).hasSize(64);
        assertThat(ManageToken.matches(token, hash)).isTrue();
        assertThat(ManageToken.matches(token + "x", hash)).isFalse();
        assertThat(ManageToken.matches(ManageToken.generate(), hash)).isFalse();
        assertThat(ManageToken.matches(null, hash)).isFalse();
        assertThat(ManageToken.matches("", hash)).isFalse();
    }
}
