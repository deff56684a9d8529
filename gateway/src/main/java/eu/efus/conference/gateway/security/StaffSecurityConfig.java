package eu.efus.conference.gateway.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/**
 * Staff authentication and the access rules enforced at the gateway.
 * Two chains: a stateless HTTP Basic chain for {@code /api/**}, and a chain for the web pages and
 * actuator where a browser sign-in form (session + CSRF) will be added later without touching the API.
 */
@Configuration(proxyBeanMethods = false)
public class StaffSecurityConfig {

    /** The pages only load same-origin scripts and styles; nothing may frame them (the manage page can cancel). */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        return http
                .securityMatcher(pathMatchers("/api/**"))
                // Stateless API: credentials on every call, so no session, no CSRF token, no saved request.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(rules -> rules
                        .matchers(StaffRoles.ORGANIZER_PATHS).hasRole(StaffRoles.ORGANIZER)
                        .matchers(StaffRoles.PRESS_OFFICER_PATHS).hasRole(StaffRoles.PRESS_OFFICER)
                        // Public, including GET /api/accreditations/{id}: credentials are checked when sent, not required.
                        .anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain webSecurity(ServerHttpSecurity http) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        return http
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .csrf(csrf -> csrf.accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService staffAccounts(StaffAccountsProperties properties) {
        if (properties.accounts().isEmpty()) {
            throw new IllegalStateException("conference.staff.accounts is empty: no staff member could sign in");
        }
        List<UserDetails> users = properties.accounts().stream()
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.roles().toArray(String[]::new))
                        .build())
                .toList();
        return new MapReactiveUserDetailsService(users);
    }
}
