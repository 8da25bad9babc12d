package uk.gov.accessledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/** Every endpoint needs the right credentials, tried with an attacker's eyes. */
@org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics
class AccessControlTest extends ApiTestSupport {

    private static final String P = "urn:access-ledger:problem:";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "access-control");
    }

    @Test
    void letsAnyoneCheckHealthOnly() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        for (String path : new String[] {"/api/v1/me/entries", "/api/v1/organisation/entries", "/api/v1/reference",
                "/v3/api-docs", "/actuator/prometheus"}) {
            unauthenticated(web.get().uri(path).exchange());
        }
        long[] before = stored();
        unauthenticated(web.post().uri("/api/v1/entries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(access(nhsNumber()).toString()).exchange());
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void refusesAWrongSecretOrAnUnknownService() {
        long[] before = stored();
        unauthenticated(web.post().uri("/api/v1/entries").headers(h -> h.setBasicAuth(TestServices.GP, "guess"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(access(nhsNumber()).toString()).exchange());
        unauthenticated(web.post().uri("/api/v1/entries")
                .headers(h -> h.setBasicAuth("council-riverside-housing", TestServices.secret(TestServices.GP)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(access(nhsNumber()).toString()).exchange());
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void refusesTokensThatAreExpiredForgedOrForAnotherAudience() {
        String citizen = nhsNumber();
        for (String token : new String[] {TestTokens.get().expiredCitizen(citizen),
                TestTokens.get().forgedCitizen(citizen), TestTokens.get().citizenForAudience(citizen, "other-app"),
                "not-a-jwt"}) {
            unauthenticated(web.get().uri("/api/v1/me/entries").headers(h -> h.setBearerAuth(token)).exchange());
        }
    }

    @Test
    void keepsEachRoleToItsOwnEndpoints() {
        String citizen = nhsNumber();
        long[] before = stored();
        // A citizen cannot record entries.
        forbidden(web.post().uri("/api/v1/entries").headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(access(citizen).toString()).exchange());
        assertThat(stored()).containsExactly(before);
        // A service cannot read a citizen's history.
        forbidden(web.get().uri("/api/v1/me/entries")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange());
        // An auditor is not a citizen, and a citizen is not an auditor or an operator.
        forbidden(web.get().uri("/api/v1/me/entries").headers(h -> h.setBearerAuth(TestTokens.get().auditor()))
                .exchange());
        forbidden(web.get().uri("/api/v1/audit/anything")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen))).exchange());
        forbidden(web.get().uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen))).exchange());
        forbidden(web.get().uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange());
    }

    @Test
    void letsTheOperatorScrapeMetricsIncludingIngestCounts() {
        postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        String metrics = web.get().uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth(TestServices.OPERATOR, TestServices.secret(TestServices.OPERATOR)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("ledger_ingest_entries_total{outcome=\"recorded\"}")
                .contains("ledger_ingest_latency_seconds_bucket").contains("ledger_chain_conflicts_total");
    }

    @Test
    void servesTheOpenApiDescriptionToAuthenticatedCallers() {
        web.get().uri("/v3/api-docs")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/entries'].post").exists()
                .jsonPath("$.paths['/api/v1/me/entries'].get").exists();
    }

    @Test
    void refusesATokenWithoutExpiryAndATokenThatIsBothCitizenAndAuditor() {
        String citizen = nhsNumber();
        unauthenticated(web.get().uri("/api/v1/me/entries")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizenWithoutExpiry(citizen))).exchange());
        String both = TestTokens.get().citizenAndAuditor(citizen);
        unauthenticated(web.get().uri("/api/v1/me/entries").headers(h -> h.setBearerAuth(both)).exchange());
        unauthenticated(web.get().uri("/api/v1/audit/summary").headers(h -> h.setBearerAuth(both)).exchange());
    }

    @Test
    void authorisesHeadExactlyAsGet() throws InterruptedException {
        postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        awaitLogged();
        String bundle = "/log/tile/entries/000.p/1";
        String citizen = TestTokens.get().citizen(nhsNumber());
        forbiddenHead(web.head().uri(bundle).headers(h -> h.setBearerAuth(citizen)).exchange());
        forbidden(web.get().uri(bundle).headers(h -> h.setBearerAuth(citizen)).exchange());
        web.head().uri(bundle).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.head().uri(bundle).headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange()
                .expectStatus().isOk();
        forbiddenHead(web.head().uri("/api/v1/audit/summary").headers(h -> h.setBearerAuth(citizen)).exchange());
        forbiddenHead(web.head().uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange());
        web.head().uri("/log/checkpoint").exchange().expectStatus().isOk();
    }

    @Test
    void refusesEveryPathNoRuleNamesAndAnswersOtherMethodsWithProblems() {
        String citizen = TestTokens.get().citizen(nhsNumber());
        // A path no rule names is refused even to an authenticated caller.
        forbidden(web.get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(citizen)).exchange());
        unauthenticated(web.get().uri("/api/v1/nothing-here").exchange());
        // A method a path does not serve is a 405 problem once the path's rule has passed.
        for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            web.method(method).uri("/api/v1/entries")
                    .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP)))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(P + "method-not-allowed");
            web.method(method).uri("/log/checkpoint").exchange().expectStatus().isEqualTo(405)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            forbidden(web.method(method).uri("/api/v1/audit/summary")
                    .headers(h -> h.setBearerAuth(citizen)).exchange());
        }
    }

    @Test
    void refusesACitizenTokenWithoutAValidIdentifier() {
        forbidden(web.get().uri("/api/v1/me/entries")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen("1234567890"))).exchange());
    }

    private static void unauthenticated(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("WWW-Authenticate")
                .expectBody().jsonPath("$.type").isEqualTo(P + "unauthenticated");
    }

    /** A HEAD answer has a problem's headers and no body. */
    private static void forbiddenHead(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static void forbidden(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(P + "forbidden");
    }
}
