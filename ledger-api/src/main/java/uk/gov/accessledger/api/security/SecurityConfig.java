package uk.gov.accessledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.LedgerProperties;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.problem.Problems;
import uk.gov.accessledger.reference.ReferenceData;

/** Who may call what. Everything needs authentication except health and the public log. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    @Order(10)
    SecurityWebFilterChain api(ServerHttpSecurity http, ServiceCredentials credentials, ReferenceData reference,
                               ReactiveJwtDecoder jwtDecoder, LedgerProperties properties, ObjectMapper mapper) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // no cookies: every request carries its credentials
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // Nothing is redirected to a sign-in page, so no request is saved for later; the default
                // cache would look up a web session on every request (and hop to another thread to do it).
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(basic -> basic
                        .authenticationManager(new ServiceAuthenticationManager(credentials, reference))
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange, mapper)))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(token -> Mono.just(authentication(token, properties))))
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange, mapper))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, mapper, ProblemType.FORBIDDEN,
                                "your credentials do not allow this")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange, mapper))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, mapper, ProblemType.FORBIDDEN,
                                "your credentials do not allow this")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/log/tile/entries/**").hasRole(Roles.AUDITOR)
                        .pathMatchers(HttpMethod.GET, "/log/**", "/api/v1/log/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(Roles.OPERATOR)
                        .pathMatchers("/api/v1/entries", "/api/v1/entries/**", "/api/v1/organisation/**")
                        .hasRole(Roles.SERVICE)
                        .pathMatchers("/api/v1/me/**").hasRole(Roles.CITIZEN)
                        .pathMatchers("/api/v1/audit/**").hasRole(Roles.AUDITOR)
                        .anyExchange().authenticated())
                .build();
    }

    private static Mono<Void> unauthenticated(org.springframework.web.server.ServerWebExchange exchange,
                                              ObjectMapper mapper) {
        exchange.getResponse().getHeaders().add("WWW-Authenticate", "Bearer");
        exchange.getResponse().getHeaders().add("WWW-Authenticate", "Basic realm=\"access-ledger\"");
        return Problems.write(exchange, mapper, ProblemType.UNAUTHENTICATED,
                "send a service credential (HTTP Basic) or a bearer token from the configured issuer");
    }

    static JwtAuthenticationToken authentication(Jwt token, LedgerProperties properties) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        if (token.hasClaim(properties.citizenClaim())) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.CITIZEN));
        }
        List<String> roles = token.hasClaim(properties.rolesClaim())
                ? token.getClaimAsStringList(properties.rolesClaim()) : List.of();
        if (roles != null && roles.contains("auditor")) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.AUDITOR));
        }
        return new JwtAuthenticationToken(token, authorities, token.getSubject());
    }

    /**
     * Validates tokens against the configured issuer's JWKS: signature, expiry, issuer (when
     * configured) and audience. Replaced in the demo profile by the local issuer's key.
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, LedgerProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        if (jwt.getJwkSetUri() == null || jwt.getJwkSetUri().isBlank()) {
            throw new IllegalStateException("couldn't configure token validation: set LEDGER_OIDC_JWKS_URI"
                    + " (spring.security.oauth2.resourceserver.jwt.jwk-set-uri) to the issuer's JWKS");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        decoder.setJwtValidator(TokenValidation.validator(jwt.getIssuerUri(), properties.audience()));
        return decoder;
    }
}
