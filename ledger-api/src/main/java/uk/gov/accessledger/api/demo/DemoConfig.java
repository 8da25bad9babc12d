package uk.gov.accessledger.api.demo;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import uk.gov.accessledger.api.config.ConnectedDatabase;
import uk.gov.accessledger.api.config.LedgerProperties;
import uk.gov.accessledger.api.security.ServiceCredential;
import uk.gov.accessledger.api.security.ServiceCredentials;
import uk.gov.accessledger.api.security.TokenValidation;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * Demo-only security: a key made at start-up signs {@code /dev/token}'s tokens, tokens of the
 * issuer at LEDGER_OIDC_JWKS_URI (the development identity provider) are trusted too when it is
 * set, and every service gets a demo secret.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfig {

    static final String ISSUER = "urn:access-ledger:demo-issuer";

    /** The demo secret of a service: {@code demo-<service code>}. Demo only, printed at start-up. */
    static String demoSecret(String service) {
        return "demo-" + service;
    }

    /** Refuses to start unless the database actually connected is H2 inside this process. */
    DemoConfig(DataSource dataSource, DataSourceProperties properties) {
        ConnectedDatabase database = ConnectedDatabase.of(dataSource);
        if (!database.isEmbeddedH2(properties.getUrl())) {
            throw new IllegalStateException("couldn't start: the demo profile (demo credentials, demo keys) runs"
                    + " only on the embedded H2 database (jdbc:h2:file: or jdbc:h2:mem:, without AUTO_SERVER),"
                    + " not on " + database);
        }
    }

    @Bean
    ServiceCredentials serviceCredentials(ReferenceData reference) {
        List<ServiceCredential> credentials = new ArrayList<>(reference.services().stream()
                .map(s -> new ServiceCredential(s.code(), "service",
                        HexFormat.of().formatHex(ServiceCredentials.sha256(demoSecret(s.code())))))
                .toList());
        credentials.add(new ServiceCredential("operator", "operator",
                HexFormat.of().formatHex(ServiceCredentials.sha256("demo-operator"))));
        return new ServiceCredentials(credentials, reference);
    }

    @Bean
    RSAKey demoSigningKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("demo-" + System.currentTimeMillis()).build();
    }

    @Bean
    JwtEncoder demoTokenEncoder(RSAKey demoSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(demoSigningKey)));
    }

    /**
     * Trusts the demo key for {@code /dev/token}'s tokens and, when LEDGER_OIDC_JWKS_URI is set (the
     * development identity provider that the portal signs citizens in with), that issuer's keys too.
     * A token goes to the decoder of the key it names ({@code kid}); each checks its own issuer.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(RSAKey demoSigningKey, LedgerProperties properties,
                                  OAuth2ResourceServerProperties resourceServer) throws Exception {
        NimbusReactiveJwtDecoder demo = NimbusReactiveJwtDecoder.withPublicKey(demoSigningKey.toRSAPublicKey())
                .build();
        demo.setJwtValidator(TokenValidation.validator(ISSUER, properties.audience()));
        String jwks = resourceServer.getJwt().getJwkSetUri();
        if (jwks == null || jwks.isBlank()) {
            return demo;
        }
        NimbusReactiveJwtDecoder issuer = NimbusReactiveJwtDecoder.withJwkSetUri(jwks).build();
        issuer.setJwtValidator(TokenValidation.validator(resourceServer.getJwt().getIssuerUri(),
                properties.audience()));
        return token -> demoSigningKey.getKeyID().equals(keyId(token)) ? demo.decode(token) : issuer.decode(token);
    }

    private static String keyId(String token) {
        try {
            return JWTParser.parse(token) instanceof SignedJWT signed ? signed.getHeader().getKeyID() : null;
        } catch (ParseException e) {
            return null; // the issuer's decoder rejects it with the usual "invalid token"
        }
    }

    /** The demo token endpoint is open: it stands in for a sign-in that the demo has no room for. */
    @Bean
    @Order(5)
    SecurityWebFilterChain demoEndpoints(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/dev/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(auth -> auth.anyExchange().permitAll())
                .build();
    }
}
