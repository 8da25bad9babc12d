package uk.gov.accessledger.bench.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A token issuer for benchmarks, on loopback: a fresh RSA key per run, its JWKS served at
 * {@link #jwksUri()} (give that to the API as LEDGER_OIDC_JWKS_URI; the API fetches it at the first
 * token, so the issuer may start after the API), and RS256 JWTs (RFC 7519)
 * for citizens (the {@code nhs_number} claim) and auditors ({@code roles: [auditor]}), with the
 * API's audience. The API validates them exactly as it validates a real issuer's.
 */
public final class CitizenTokens implements AutoCloseable {

    static final String AUDIENCE = "access-ledger";
    private static final String KEY_ID = "bench";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair key;
    private final HttpServer server;

    /** Serves the JWKS on loopback {@code port} (0: any free port). */
    public CitizenTokens(int port) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        ObjectNode jwk = JSON.createObjectNode().put("kty", "RSA").put("kid", KEY_ID).put("use", "sig")
                .put("alg", "RS256").put("n", unsigned(pub.getModulus())).put("e", unsigned(pub.getPublicExponent()));
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").add(jwk);
        byte[] body = jwks.toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** A citizen's token, valid for an hour; the NHS number travels only in the signed token. */
    public String citizen(String nhsNumber) {
        ObjectNode claims = claims("citizen-bench");
        claims.put("nhs_number", nhsNumber);
        return sign(claims);
    }

    /** An auditor's token ({@code roles: [auditor]}), valid for an hour. */
    public String auditor() {
        ObjectNode claims = claims("auditor-bench");
        claims.putArray("roles").add("auditor");
        return sign(claims);
    }

    private static ObjectNode claims(String subject) {
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", "https://bench.issuer.invalid").put("sub", subject)
                .put("iat", now).put("exp", now + 3600);
        claims.putArray("aud").add(AUDIENCE);
        return claims;
    }

    private String sign(ObjectNode claims) {
        String header = b64(JSON.createObjectNode().put("alg", "RS256").put("kid", KEY_ID).put("typ", "JWT").toString());
        String signingInput = header + "." + b64(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("couldn't sign a token: " + e.getMessage(), e);
        }
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 7518 section 6.3.1: big-endian, no leading zero octet. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64URL.encodeToString(bytes);
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
