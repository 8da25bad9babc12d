package uk.gov.accessledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * The demo profile with LEDGER_OIDC_JWKS_URI set, as the quick start runs it beside the development
 * identity provider: tokens of that issuer and of {@code /dev/token} are both accepted, forged
 * ones are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@ActiveProfiles("demo")
class DemoIssuersTest {

    private static final String AMARA = DemoCitizen.ALL.get(0).nhsNumber();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("ledger.demo.traffic-entries", () -> "40");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwksUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
    }

    @Test
    void acceptsTokensOfTheConfiguredIssuerAndOfTheDemoTokenEndpoint() {
        int fromIssuer = entries(TestTokens.get().citizen(AMARA));
        JsonNode demo = web.get().uri("/dev/token?citizen=" + AMARA).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        int fromDemo = entries(demo.get("access_token").asString());
        assertThat(fromIssuer).isPositive().isEqualTo(fromDemo);
    }

    @Test
    void refusesATokenSignedByAKeyTheIssuerNeverPublished() {
        web.get().uri("/api/v1/me/entries").headers(h -> h.setBearerAuth(TestTokens.get().forgedCitizen(AMARA)))
                .exchange().expectStatus().isUnauthorized();
    }

    private int entries(String token) {
        return web.get().uri("/api/v1/me/entries?limit=100").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("entries").size();
    }
}
