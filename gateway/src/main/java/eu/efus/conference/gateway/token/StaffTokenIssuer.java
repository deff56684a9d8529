package eu.efus.conference.gateway.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints the short-lived HS256 token that tells a service which staff member is calling.
 * The services verify signature, issuer, audience and expiry with the same shared secret.
 */
public class StaffTokenIssuer {

    public static final String ISSUER = "conference-gateway";
    public static final String AUDIENCE = "conference-services";
    public static final String ROLES_CLAIM = "roles";

    private final MACSigner signer;
    private final StaffTokenProperties properties;
    private final Clock clock;

    public StaffTokenIssuer(StaffTokenProperties properties, Clock clock) {
        byte[] secret = properties.secret() == null ? new byte[0] : properties.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            // HS256 with a shorter key is guessable; refuse to start rather than sign weakly.
            throw new IllegalStateException("conference.staff-token.secret (CONFERENCE_STAFF_TOKEN_SECRET) must be at least 32 bytes: set it, the same on the gateway and every service");
        }
        try {
            this.signer = new MACSigner(secret);
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Unusable conference.staff-token.secret", e);
        }
        this.properties = properties;
        this.clock = clock;
    }

    /** A signed compact JWT for this user; roles are plain names such as {@code ORGANIZER}. */
    public String issue(String username, Collection<String> roles) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(username)
                .claim(ROLES_CLAIM, List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.ttl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the staff token", e);
        }
        return jwt.serialize();
    }
}
