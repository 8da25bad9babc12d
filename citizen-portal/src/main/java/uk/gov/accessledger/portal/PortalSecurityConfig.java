package uk.gov.accessledger.portal;

import java.net.URI;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may see what: the start page, the accessibility statement, the cookies page and assets are
 * public; everything else needs a citizen signed in with OpenID Connect. Sign-in uses the
 * authorisation code flow with PKCE (always, though the portal is a confidential client) and a
 * nonce; sign-out also ends the session at the identity provider (RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfig {

    @Bean
    SecurityWebFilterChain portal(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                  OAuth2ClientProperties client) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler signedOut =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        return http
                .authorizeExchange(auth -> auth
                        .pathMatchers("/", "/accessibility", "/cookies", "/signed-out", "/assets/**", "/govuk/**", "/css/**", "/js/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(pkce))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst(client)))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(client)))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Signed out, a page sends the browser to sign in (and back to the page afterwards), as
     * oauth2Login would; the live updates' event stream answers 401 instead, which stops the
     * page's EventSource, and is not remembered as the page to return to.
     */
    static ServerAuthenticationEntryPoint signInFirst(OAuth2ClientProperties client) {
        String registration = client.getRegistration().keySet().iterator().next();
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        ServerWebExchangeMatchers.pathMatchers("/entries/live"),
                        new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(
                "/oauth2/authorization/" + registration));
        return entryPoint;
    }

    /**
     * Scripts, styles and fonts only from the portal's own files (no inline script or style, no
     * eval), connections (the live updates' EventSource) only to the portal, no framing. Forms may
     * post only to the portal and (because sign-out redirects there) to the identity provider.
     */
    static String contentSecurityPolicy(OAuth2ClientProperties client) {
        StringBuilder formAction = new StringBuilder("'self'");
        client.getProvider().values().forEach(p -> {
            if (p.getIssuerUri() != null && !p.getIssuerUri().isBlank()) {
                URI issuer = URI.create(p.getIssuerUri());
                formAction.append(' ').append(issuer.getScheme()).append("://").append(issuer.getAuthority());
            }
        });
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self';"
                + " form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'";
    }
}
