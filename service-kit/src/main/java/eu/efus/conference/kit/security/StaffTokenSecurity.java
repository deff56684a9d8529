package eu.efus.conference.kit.security;

import eu.efus.conference.kit.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Verifies the staff identity the gateway passes downstream: an HS256 JWT in {@code Authorization: Bearer}, issued by
 * the gateway for the services, with the staff roles in {@code roles}. A service called directly, without that token,
 * refuses its staff endpoints with 401; a token with none of the roles an endpoint admits gets 403.
 */
public final class StaffTokenSecurity {

    public static final String ISSUER = "conference-gateway";
    public static final String AUDIENCE = "conference-services";
    public static final String ROLES_CLAIM = "roles";

    private StaffTokenSecurity() {
    }

    /**
     * The verifier of the gateway's tokens. No secret ships with a service (a public one would let anyone forge staff
     * tokens), so a missing or short one stops the start with the variable to set.
     */
    public static JwtDecoder decoder(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("CONFERENCE_STAFF_TOKEN_SECRET is not set (conference.staff-token.secret): "
                    + "give the same value of at least 32 random bytes to the gateway and every service, "
                    + "e.g. from openssl rand -base64 48");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("conference.staff-token.secret (CONFERENCE_STAFF_TOKEN_SECRET) must be at least 32 bytes: set it, the same on the gateway and every service");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(AUDIENCE));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER), audience));
        return decoder;
    }

    public static AbstractAuthenticationToken authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return new JwtAuthenticationToken(jwt, roles == null ? List.of()
                : roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), jwt.getSubject());
    }

    /** The filter chain of a service: its staff rules, everything else public, stateless, problem+json refusals. */
    public static SecurityFilterChain chain(HttpSecurity http, StaffEndpoints endpoints, JwtDecoder decoder) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> {
                    for (StaffEndpoints.Rule rule : endpoints.rules()) {
                        String[] roles = rule.roles().toArray(String[]::new);
                        if (rule.method() == null) {
                            auth.requestMatchers(rule.pattern()).hasAnyRole(roles);
                        } else {
                            auth.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(roles);
                        }
                    }
                    auth.anyRequest().permitAll();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(StaffTokenSecurity::authentication))
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, "Unauthorized",
                                "Staff credentials are required (through the gateway)"))
                        .accessDeniedHandler((request, response, e) -> write(response, 403, "Forbidden",
                                "Your role does not allow this")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, "Unauthorized",
                                "Staff credentials are required (through the gateway)"))
                        .accessDeniedHandler((request, response, e) -> write(response, 403, "Forbidden",
                                "Your role does not allow this")));
        return http.build();
    }

    /** The staff member's name, for audit fields. */
    public static String staffName(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    private static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(Problems.json(status, title, detail).getBytes(StandardCharsets.UTF_8));
    }
}
