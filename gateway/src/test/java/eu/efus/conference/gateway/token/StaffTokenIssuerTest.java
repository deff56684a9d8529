package eu.efus.conference.gateway.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StaffTokenIssuerTest {

    private static final String SECRET = "unit-test-secret-of-at-least-32-bytes!!";
    private static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");

    private final StaffTokenIssuer issuer = new StaffTokenIssuer(
            new StaffTokenProperties(SECRET, Duration.ofSeconds(60)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokenIsSignedWithTheSharedSecretAndCarriesTheStaffIdentity() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.issue("organizer", List.of("ORGANIZER")));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("conference-gateway");
        assertThat(claims.getAudience()).containsExactly("conference-services");
        assertThat(claims.getSubject()).isEqualTo("organizer");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ORGANIZER");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void tokenIsAcceptedByASpringResourceServerDecoderConfiguredLikeTheServices() {
        // Same checks as the services: HS256 with the shared secret, issuer, audience (a JSON string here,
        // which Spring reads as a one-element list), expiry; roles become ROLE_ authorities there.
        StaffTokenIssuer liveIssuer = new StaffTokenIssuer(new StaffTokenProperties(SECRET, Duration.ofSeconds(60)),
                Clock.systemUTC());
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer("conference-gateway"),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains("conference-services"))));

        Jwt jwt = decoder.decode(liveIssuer.issue("press-officer", List.of("PRESS_OFFICER")));

        assertThat(jwt.getSubject()).isEqualTo("press-officer");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PRESS_OFFICER");
    }

    @Test
    void tokenDoesNotVerifyWithAnotherSecret() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.issue("press-officer", List.of("PRESS_OFFICER")));

        byte[] other = "another-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8);
        assertThat(jwt.verify(new MACVerifier(other))).isFalse();
    }

    @Test
    void everyTokenHasItsOwnId() throws Exception {
        String first = SignedJWT.parse(issuer.issue("organizer", List.of("ORGANIZER"))).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(issuer.issue("organizer", List.of("ORGANIZER"))).getJWTClaimsSet().getJWTID();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void secretShorterThan32BytesIsRefusedAtStartUp() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new StaffTokenIssuer(new StaffTokenProperties("too-short", Duration.ofSeconds(60)),
                        Clock.systemUTC()))
                .withMessageContaining("at least 32 bytes");
        assertThatIllegalStateException()
                .isThrownBy(() -> new StaffTokenIssuer(new StaffTokenProperties(null, Duration.ofSeconds(60)),
                        Clock.systemUTC()));
    }
}
