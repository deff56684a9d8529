package eu.efus.conference.gateway.security;

import java.net.URI;
import java.util.List;

import eu.efus.conference.gateway.limits.GatewayLimitsProperties;
import eu.efus.conference.web.StaffWebPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/**
 * Staff authentication and the access rules enforced at the gateway.
 * Two chains: {@code /api/**} (HTTP Basic for scripts, stateless; or the session of a signed-in staff page, read
 * only, with a CSRF token on its staff writes), and everything else: the pages, with the sign-in form that creates
 * the session ({@code /staff/login}), sign-out ({@code /staff/logout}) and the role rules of the staff pages.
 */
@Configuration(proxyBeanMethods = false)
public class StaffSecurityConfig {

    /** The pages only load same-origin scripts and styles; nothing may frame them (the manage page can cancel). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ServerCsrfTokenRepository staffCsrfTokens) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(true);
        return http
                .securityMatcher(pathMatchers("/api/**"))
                // Only a signed-in browser's staff writes need the token: Basic callers send credentials on every call
                // (a cross-site page cannot), and public writes never carry the session's identity.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(staffCsrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(ApiSecurityContextRepository.SESSION_STAFF_WRITES)
                        .accessDeniedHandler(problems))
                .securityContextRepository(new ApiSecurityContextRepository())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(basic -> basic
                        .authenticationEntryPoint(problems)
                        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance()))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // No redirects here, even for a browser: API callers get 401/403 problem+json.
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(rules -> rules
                        .matchers(StaffRoles.ORGANIZER_PATHS).hasRole(StaffRoles.ORGANIZER)
                        .matchers(StaffRoles.PRESS_OFFICER_PATHS).hasRole(StaffRoles.PRESS_OFFICER)
                        .matchers(StaffRoles.CHECK_IN_PATHS).hasAnyRole(StaffRoles.CHECK_IN, StaffRoles.ORGANIZER)
                        // Public, including GET /api/accreditations/{id}: credentials are checked when sent, not required.
                        .anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain webSecurity(ServerHttpSecurity http, ServerCsrfTokenRepository staffCsrfTokens,
            SignInThrottle signInThrottle, StaffWebPages staffWebPages) {
        StaffWebHandlers handlers = new StaffWebHandlers(staffWebPages::writeForbidden);
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return http
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .securityContextRepository(sessions)
                // Always land on the page of one's role after signing in; nothing is stored for anonymous visitors.
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(staffCsrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler(handlers))
                .formLogin(form -> form
                        .loginPage(StaffPaths.LOGIN)
                        .requiresAuthenticationMatcher(pathMatchers(HttpMethod.POST, StaffPaths.LOGIN))
                        .securityContextRepository(sessions)
                        .authenticationEntryPoint(handlers)
                        .authenticationSuccessHandler(landingPageRedirect(staffCsrfTokens))
                        .authenticationFailureHandler(signInThrottle.failureHandler()))
                .logout(logout -> logout
                        .requiresLogout(pathMatchers(HttpMethod.POST, StaffPaths.LOGOUT))
                        // The session itself goes, not only its security context (the CSRF token is cleared too).
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(redirectTo(StaffPaths.SIGNED_OUT)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(rules -> {
                    // Each staff page (and its .html twin) for its roles, as StaffPaths.PAGE_ROLES lists them.
                    StaffPaths.PAGE_ROLES.forEach((page, roles) ->
                            rules.pathMatchers(page + "*", page + "/**").hasAnyRole(roles.toArray(String[]::new)));
                    rules.pathMatchers("/staff/login*", "/staff/forbidden*", "/staff/me").permitAll()
                            .pathMatchers("/staff", "/staff/**").authenticated()
                            .anyExchange().permitAll();
                })
                .build();
    }

    /** The CSRF token of signed-in pages: a cookie the pages' scripts read and echo in {@code X-XSRF-TOKEN}. */
    @Bean
    ServerCsrfTokenRepository staffCsrfTokens(StaffSignInProperties properties) {
        CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (properties.secureCookies()) {
                cookie.secure(true); // otherwise Secure follows the request's scheme
            }
        });
        return tokens;
    }

    @Bean
    SignInThrottle signInThrottle(StaffSignInProperties properties, GatewayLimitsProperties limits) {
        return new SignInThrottle(properties, limits.publicWriteRate().trustForwardedFor());
    }

    @Bean
    CsrfCookieFilter csrfCookieFilter() {
        return new CsrfCookieFilter();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService staffAccounts(StaffAccountsProperties properties, PasswordEncoder passwordEncoder) {
        List<UserDetails> users = StaffAccounts.of(properties).stream()
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.roles().toArray(String[]::new))
                        .build())
                .toList();
        return new TimingSafeUserDetailsService(new MapReactiveUserDetailsService(users), passwordEncoder);
    }

    /** After signing in: a fresh CSRF token for the session, and the page of the staff member's role. */
    private static ServerAuthenticationSuccessHandler landingPageRedirect(ServerCsrfTokenRepository csrfTokens) {
        DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();
        return (webFilterExchange, authentication) -> {
            String landing = StaffPaths.landingPage(authentication);
            return csrfTokens.saveToken(webFilterExchange.getExchange(), null)
                    .then(redirects.sendRedirect(webFilterExchange.getExchange(),
                            URI.create(landing != null ? landing : StaffPaths.FORBIDDEN_PAGE)));
        };
    }

    private static RedirectServerLogoutSuccessHandler redirectTo(String location) {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(location));
        return handler;
    }
}
