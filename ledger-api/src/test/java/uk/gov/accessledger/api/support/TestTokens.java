package uk.gov.accessledger.api.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A real token issuer for tests: an RSA key whose JWKS is served over HTTP on loopback, so the
 * API validates tokens exactly as in production (fetching the issuer's keys by URL).
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.invalid";
    public static final String AUDIENCE = "access-ledger";

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;

    private TestTokens() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            try {
                instance = new TestTokens();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    public String citizen(String nhsNumber) {
        return sign(key, Map.of("nhs_number", nhsNumber), AUDIENCE, Duration.ofMinutes(10));
    }

    public String auditor() {
        return sign(key, Map.of("roles", List.of("auditor")), AUDIENCE, Duration.ofMinutes(10));
    }

    public String citizenForAudience(String nhsNumber, String audience) {
        return sign(key, Map.of("nhs_number", nhsNumber), audience, Duration.ofMinutes(10));
    }

    /** A citizen's token that expires {@code lifetime} from now. */
    public String citizen(String nhsNumber, Duration lifetime) {
        return sign(key, Map.of("nhs_number", nhsNumber), AUDIENCE, lifetime);
    }

    public String expiredCitizen(String nhsNumber) {
        return sign(key, Map.of("nhs_number", nhsNumber), AUDIENCE, Duration.ofMinutes(-10));
    }

    /** A citizen's token with no {@code exp} claim at all. */
    public String citizenWithoutExpiry(String nhsNumber) {
        return sign(key, Map.of("nhs_number", nhsNumber), AUDIENCE, null);
    }

    /** One token that claims to be both a citizen's and an auditor's. */
    public String citizenAndAuditor(String nhsNumber) {
        return sign(key, Map.of("nhs_number", nhsNumber, "roles", List.of("auditor")), AUDIENCE,
                Duration.ofMinutes(10));
    }

    /** Signed by a key the issuer never published, with the same key id. */
    public String forgedCitizen(String nhsNumber) {
        return sign(strangerKey, Map.of("nhs_number", nhsNumber), AUDIENCE, Duration.ofMinutes(10));
    }

    /** Signs {@code claims}; a null {@code lifetime} leaves out {@code exp}. */
    private static String sign(RSAKey with, Map<String, Object> claims, String audience, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
                .subject("user-" + claims.hashCode()).issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(lifetime == null ? null : Date.from(now.plus(lifetime)));
        claims.forEach(builder::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), builder.build());
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void close() throws IOException {
        // The server lives as long as the test JVM; contexts are cached across test classes.
    }
}
