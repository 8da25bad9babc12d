package uk.gov.accessledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/** The plain citizen identifier reaches neither a table nor a log line, on any path. */
@ExtendWith(OutputCaptureExtension.class)
class IdentifierNeverStoredTest extends ApiTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "privacy");
    }

    @Test
    void keepsThePlainIdentifierOutOfEveryTableAndTheLogs(CapturedOutput output) {
        String citizen = nhsNumber();
        String spaced = citizen.substring(0, 3) + " " + citizen.substring(3, 6) + " " + citizen.substring(6);
        var first = postOk(TestServices.GP, "/api/v1/entries", access(spaced));
        postOk(TestServices.GP, "/api/v1/entries/batch", "{\"entries\":[" + access(citizen) + "]}");
        // Failures too: a conflict, a bad field next to a valid identifier, a bad check digit.
        post(TestServices.GP, "/api/v1/entries", access(citizen).put("id", first.get("id").asText()))
                .expectStatus().isEqualTo(409);
        post(TestServices.GP, "/api/v1/entries", access(citizen).put("purpose", "nope")).expectStatus().isBadRequest();
        String wrongCheck = citizen.substring(0, 9) + ((citizen.charAt(9) - '0' + 1) % 10);
        post(TestServices.GP, "/api/v1/entries", access(wrongCheck)).expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(wrongCheck));
        citizenGetOk(citizen, "/api/v1/me/entries");
        web.post().uri("/api/v1/me/entries/" + first.get("id").asText() + "/concerns")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\":\"who?\"}").exchange()
                .expectStatus().isCreated();

        assertThat(output.getAll()).doesNotContain(citizen).doesNotContain(spaced).doesNotContain(wrongCheck);
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' AND table_type IN ('TABLE', 'BASE TABLE')", String.class);
        assertThat(tables).contains("ledger_entry", "domain_event_entry", "token_entry");
        long rows = 0;
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                rows++;
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    assertThat(text).as("a value in table " + table).doesNotContain(citizen)
                            .doesNotContain(spaced);
                }
            }
        }
        assertThat(rows).isGreaterThan(6);
    }
}
