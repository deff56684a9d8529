package eu.efus.conference.gateway;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies a staff token the way a service does: HS256 signature with the shared secret first, then the claims. */
final class StaffTokens {

    private StaffTokens() {
    }

    static JWTClaimsSet verify(String compactJwt, String secret) {
        try {
            SignedJWT jwt = SignedJWT.parse(compactJwt);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
            assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8))))
                    .as("signature valid with the shared secret").isTrue();
            return jwt.getJWTClaimsSet();
        }
        catch (ParseException | JOSEException e) {
            throw new AssertionError("not a valid signed JWT: " + e.getMessage(), e);
        }
    }

    static JWTClaimsSet verifyBearer(String authorizationHeader, String secret) {
        assertThat(authorizationHeader).as("Authorization header").startsWith("Bearer ");
        return verify(authorizationHeader.substring("Bearer ".length()), secret);
    }
}
