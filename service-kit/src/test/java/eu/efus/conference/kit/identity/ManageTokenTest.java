package eu.efus.conference.kit.identity;

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
            assertThat(token).matches("[A-Za-z0-9_-]+"); // safe in a URL fragment as it is
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
        assertThat(ManageToken.matches("x".repeat(201), ManageToken.hash("x".repeat(201)))).as("oversized tokens").isFalse();
    }

    @Test
    void everyEmailedTokenOpensTheLinkAndNothingElse() {
        String first = ManageToken.generate();
        String second = ManageToken.generate();
        java.util.List<String> hashes = java.util.List.of(ManageToken.hash(first), ManageToken.hash(second));
        assertThat(ManageToken.matchesAny(first, hashes)).isTrue();
        assertThat(ManageToken.matchesAny(second, hashes)).isTrue();
        assertThat(ManageToken.matchesAny(ManageToken.generate(), hashes)).isFalse();
        assertThat(ManageToken.matchesAny(ManageToken.hash(first), hashes)).as("a stored hash is not a token").isFalse();
        assertThat(ManageToken.matchesAny(first, null)).isFalse();
        assertThat(ManageToken.link("http://x.test", "manage", "abc", "t0k")).isEqualTo("http://x.test/manage#id=abc&token=t0k");
    }

    @Test
    void idsAreRandomAndCarry128Bits() {
        assertThat(Base64.getUrlDecoder().decode(Ids.random())).hasSize(16);
        assertThat(Ids.random()).isNotEqualTo(Ids.random());
    }
}
