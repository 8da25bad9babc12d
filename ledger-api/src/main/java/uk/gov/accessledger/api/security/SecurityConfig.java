package uk.gov.accessledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.LedgerProperties;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.problem.Problems;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * Who may call what, decided by path alone. Everything needs authentication except health and the
 * public log, and a path no rule names is refused to everyone.
 */
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
                                .jwtAuthenticationConverter(token -> Mono.fromCallable(
                                        () -> authentication(token, properties))))
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange, mapper))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, mapper, ProblemType.FORBIDDEN,
                                "your credentials do not allow this")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> unauthenticated(exchange, mapper))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, mapper, ProblemType.FORBIDDEN,
                                "your credentials do not allow this")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                // By path only, whatever the method: HEAD is authorised exactly as GET, and a method a
                // path does not serve is refused by the handler (405) only after these rules passed.
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/log/tile/entries", "/log/tile/entries/**").hasRole(Roles.AUDITOR)
                        .pathMatchers("/log/**", "/api/v1/log/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(Roles.OPERATOR)
                        .pathMatchers("/api/v1/entries", "/api/v1/entries/**", "/api/v1/organisation/**")
                        .hasRole(Roles.SERVICE)
                        .pathMatchers("/api/v1/me/**").hasRole(Roles.CITIZEN)
                        .pathMatchers("/api/v1/audit/**").hasRole(Roles.AUDITOR)
                        .pathMatchers("/api/v1/reference", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                        .authenticated()
                        .anyExchange().denyAll())
                .build();
    }

    private static Mono<Void> unauthenticated(ServerWebExchange exchange,
                                              ObjectMapper mapper) {
        exchange.getResponse().getHeaders().add("WWW-Authenticate", "Bearer");
        exchange.getResponse().getHeaders().add("WWW-Authenticate", "Basic realm=\"access-ledger\"");
        return Problems.write(exchange, mapper, ProblemType.UNAUTHENTICATED,
                "send a service credential (HTTP Basic) or a bearer token from the configured issuer");
    }

    /**
     * The roles a verified token grants: citizen when it carries the citizen claim, auditor when
     * its roles claim lists "auditor". A token carrying both is refused (401): one person's token
     * may read either their own history or everyone's, never both.
     *
     * @throws InvalidBearerTokenException if the token is both a citizen's and an auditor's
     */
    static JwtAuthenticationToken authentication(Jwt token, LedgerProperties properties) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        boolean citizen = token.hasClaim(properties.citizenClaim());
        List<String> roles = token.hasClaim(properties.rolesClaim())
                ? token.getClaimAsStringList(properties.rolesClaim()) : List.of();
        boolean auditor = roles != null && roles.contains("auditor");
        if (citizen && auditor) {
            throw new InvalidBearerTokenException("token is both a citizen's and an auditor's");
        }
        if (citizen) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.CITIZEN));
        }
        if (auditor) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.AUDITOR));
        }
        return new JwtAuthenticationToken(token, authorities, token.getSubject());
    }

    /**
     * Answers a request the security firewall refuses (an empty path segment, an encoded slash, a
     * dot segment, a disallowed header or method) with a problem instead of an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(ObjectMapper mapper) {
        return (exchange, e) -> Problems.write(exchange, mapper, ProblemType.MALFORMED_REQUEST,
                "the request's path, method or headers are not allowed (for example an empty path segment,"
                        + " an encoded slash or a dot segment)");
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
