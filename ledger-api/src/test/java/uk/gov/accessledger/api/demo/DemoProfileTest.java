package uk.gov.accessledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.gov.accessledger.api.LedgerApiApplication;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.PostgresDatabase;

/** The demo profile works as the README and docs/configuration.md say, and refuses to run on a real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@ActiveProfiles("demo")
class DemoProfileTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("ledger.demo.traffic-entries", () -> "60");
        registry.add("ledger.log.signing-key-file", ApiTestSupport::freshKeyFile);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ServerProperties server;

    @LocalServerPort
    int port;

    @Test
    void generatesTrafficAndLetsADemoCitizenReadTheirHistory() {
        String nhs = DemoCitizen.ALL.get(0).nhsNumber();
        JsonNode token = web.get().uri("/dev/token?citizen=" + nhs).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode page = web.get().uri("/api/v1/me/entries?limit=100")
                .headers(h -> h.setBearerAuth(token.get("access_token").asString())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        String[] parts = token.get("access_token").asString().split("\\.");
        JsonNode claims = readJson(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("nhs_number").asString()).isEqualTo(nhs);
        assertThat(claims.get("sub").asString()).as("sub is pairwise, not the NHS number").doesNotContain(nhs)
                .startsWith("demo-citizen-");
        // The first demo citizen always gets the emergency access and two sharing decisions.
        assertThat(page.get("entries").size()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("entries").findValuesAsString("kind")).contains("sharing-decision");
    }

    private static JsonNode readJson(byte[] json) {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void acceptsDemoServiceCredentials() {
        web.get().uri("/api/v1/organisation/entries")
                .headers(h -> h.setBasicAuth("dwp-universal-credit", "demo-dwp-universal-credit")).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/v1/organisation/entries")
                .headers(h -> h.setBasicAuth("dwp-universal-credit", "demo-hmrc-self-assessment")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnUnknownDemoCitizen() {
        web.get().uri("/dev/token?citizen=1111111111").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("citizen");
    }

    @Test
    void refusesToStartTheDemoProfileOnPostgreSql() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApiApplication.class).profiles("demo")
                .run("--server.port=0", "--ledger.log.signing-key-file=" + ApiTestSupport.freshKeyFile(), "--spring.datasource.url=" + PostgresDatabase.url(),
                        "--spring.datasource.username=" + PostgresDatabase.user()).close())
                .hasStackTraceContaining("the demo profile (demo credentials, demo keys) runs only on the embedded"
                        + " H2 database");
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(server.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        List<InetAddress> others = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
        for (InetAddress other : others) {
            assertThatThrownBy(() -> new Socket(other, port).close()).as("connecting at " + other)
                    .isInstanceOf(IOException.class);
        }
        try (Socket loopback = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            assertThat(loopback.isConnected()).isTrue();
        }
    }

    @Test
    void refusesToStartTheDemoProfileOnAnH2Server() throws Exception {
        // The URL starts with jdbc:h2: but the database is a server other processes can reach.
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApiApplication.class).profiles("demo")
                    .run("--server.port=0", "--ledger.log.signing-key-file=" + ApiTestSupport.freshKeyFile(),
                            "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:demo-"
                                    + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE").close())
                    .hasStackTraceContaining("the demo profile (demo credentials, demo keys) runs only on the embedded"
                            + " H2 database")
                    .hasStackTraceContaining("not on H2 at jdbc:h2:tcp://127.0.0.1:");
        } finally {
            h2.stop();
        }
    }

    @Test
    void refusesTheDemoPseudonymKeyWithoutItsPaddingOnPostgreSql() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApiApplication.class)
                .run("--server.port=0", "--ledger.log.signing-key-file=" + ApiTestSupport.freshKeyFile(),
                        "--spring.datasource.url=" + PostgresDatabase.url(),
                        "--spring.datasource.username=" + PostgresDatabase.user(),
                        "--ledger.pseudonym-key=ZGVtby1vbmx5LXBzZXVkb255bS1rZXktbm90LWEtc2VjcmV0LTAwMDA",
                        "--ledger.service-credentials=/nonexistent",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks").close())
                .hasStackTraceContaining("the demo pseudonym key is public");
    }

    @Test
    void refusesTheDemoPseudonymKeyOnPostgreSqlWithoutTheDemoProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApiApplication.class)
                .run("--server.port=0", "--ledger.log.signing-key-file=" + ApiTestSupport.freshKeyFile(), "--spring.datasource.url=" + PostgresDatabase.url(),
                        "--spring.datasource.username=" + PostgresDatabase.user(),
                        "--ledger.pseudonym-key=ZGVtby1vbmx5LXBzZXVkb255bS1rZXktbm90LWEtc2VjcmV0LTAwMDA=",
                        "--ledger.service-credentials=/nonexistent",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks").close())
                .hasStackTraceContaining("the demo pseudonym key is public");
    }

    @Test
    void refusesToStartWithoutAPseudonymKey() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApiApplication.class)
                .run("--server.port=0", "--ledger.log.signing-key-file=" + ApiTestSupport.freshKeyFile(), "--spring.datasource.url=jdbc:h2:mem:nokey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--ledger.pseudonym-key=",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks").close())
                .hasStackTraceContaining("set LEDGER_PSEUDONYM_KEY");
    }
}
