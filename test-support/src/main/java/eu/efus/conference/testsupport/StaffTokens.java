package eu.efus.conference.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints staff tokens the way the gateway does, for calling a service's staff endpoints directly in tests. */
public final class StaffTokens {

    /**
     * The staff-token secret the tests give every service ({@link TestInfrastructure#register}); no service has a
     * default. The same demo value as the embedded stack's.
     */
    public static final String DEMO_SECRET = "demo-only-staff-token-secret-change-me-0123456789";

    private StaffTokens() {
    }

    public static String bearer(String username, String... roles) {
        return "Bearer " + mint(DEMO_SECRET, "conference-gateway", username, roles);
    }

    public static String mint(String secret, String issuer, String username, String... roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience("conference-services").subject(username)
                    .claim("roles", List.of(roles)).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)))
                    .jwtID(UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
