package eu.efus.conference.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/**
 * The Swagger UI ({@code /swagger-ui.html} and its files): public and anonymous like the other pages, under the
 * pages' Content-Security-Policy with one relaxation that only these paths get: inline styles, which the Swagger UI
 * bundle applies while it renders. Its scripts remain same-origin files. The OpenAPI documents it reads
 * ({@code /v3/api-docs/**}) are JSON and stay under the pages' rules.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsSecurityConfig {

    public static final ServerWebExchangeMatcher SWAGGER_UI =
            pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**");

    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
            StaffSecurityConfig.CONTENT_SECURITY_POLICY + "; style-src 'self' 'unsafe-inline'";

    /** Before the pages' chain (order 2), which matches every path; it shares no path with the API chain (order 1). */
    @Bean
    @Order(0)
    SecurityWebFilterChain swaggerUiSecurity(ServerHttpSecurity http) {
        return http
                .securityMatcher(SWAGGER_UI)
                // Static files read by anonymous visitors: no session, no sign-in, nothing to protect from forgery.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SWAGGER_UI_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }
}
