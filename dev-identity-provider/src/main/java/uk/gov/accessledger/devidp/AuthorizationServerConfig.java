package uk.gov.accessledger.devidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The provider: one registered client (the portal, which must use PKCE), the demo citizens as
 * users, a signing key made at start-up, and access tokens that name the ledger as audience and
 * carry the citizen's NHS number. ID tokens carry the citizen's name and the client's nonce. The
 * {@code sub} of both is pairwise ({@link PairwiseSubjects}), never the NHS number.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/", "/error", "/login.css", "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; frame-ancestors 'none'; form-action 'self' http: https:")))
                .build();
    }

    @Bean
    UserDetailsService demoCitizens(DevIdpProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(DemoCitizen.ALL.stream()
                .map(c -> User.withUsername(c.nhsNumber()).password(encoder.encode(properties.password()))
                        .roles("CITIZEN").build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(DevIdpProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        RegisteredClient portal = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(properties.clientId())
                .clientSecret(encoder.encode(properties.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(properties.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30))
                        .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(portal);
    }

    @Bean
    PairwiseSubjects pairwiseSubjects() {
        return new PairwiseSubjects(new SecureRandom());
    }

    /**
     * Gives every token a pairwise {@code sub} instead of the user name (the NHS number), names the
     * ledger as audience and adds the citizen's identifier (access token only) and name (ID token).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> citizenClaims(DevIdpProperties properties, PairwiseSubjects subjects) {
        return context -> {
            DemoCitizen citizen = DemoCitizen.withNhsNumber(context.getPrincipal().getName()).orElse(null);
            if (citizen == null) {
                return;
            }
            context.getClaims().subject(subjects.of(context.getRegisteredClient().getClientId(), citizen.nhsNumber()));
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(properties.audience(),
                                context.getRegisteredClient().getClientId()))
                        .claim(properties.citizenClaim(), citizen.nhsNumber());
            } else if ("id_token".equals(context.getTokenType().getValue())) {
                context.getClaims().claim("name", citizen.name());
            }
        };
    }

    /** A fresh key each start: tokens from an earlier run stop working, which is what a demo wants. */
    @Bean
    JWKSource<SecurityContext> signingKey() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("dev-idp-" + UUID.randomUUID()).generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(DevIdpProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }
}
