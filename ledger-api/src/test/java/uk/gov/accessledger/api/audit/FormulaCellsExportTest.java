package uk.gov.accessledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.bundle.BundleVerifier;
import uk.gov.accessledger.logformat.NoteVerifier;

/**
 * Staff roles a spreadsheet would run, recorded through the API, are neutralised in the auditor's
 * CSV and in the export bundle's CSV (docs/export-bundle.md), and the bundle still verifies.
 */
class FormulaCellsExportTest extends ApiTestSupport {

    /** Each staff role, and its field in the CSV as written (RFC 4180 quoting included). */
    private static final List<List<String>> ROLES = List.of(
            List.of("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
            List.of("+1", "\"'+1\""),
            List.of("-2", "\"'-2\""),
            List.of("@SUM(A1)", "\"'@SUM(A1)\""));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "formula-cells");
    }

    @Test
    void neutralisesFormulaStaffRolesInTheAuditCsvAndTheBundleWhichStillVerifies() throws Exception {
        for (List<String> role : ROLES) {
            postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()).put("staffRole", role.get(0)));
        }
        // Tab and CR are control characters: ingest refuses them, so only ledger-core's tests
        // (FormulaCellsTest) see them reach a CSV.
        post(TestServices.GP, "/api/v1/entries", access(nhsNumber()).put("staffRole", "\t=1"))
                .expectStatus().isBadRequest();
        post(TestServices.GP, "/api/v1/entries", access(nhsNumber()).put("staffRole", "\r=1"))
                .expectStatus().isBadRequest();
        awaitLogged();
        String key = web.get().uri("/log/key").exchange().expectBody(String.class).returnResult()
                .getResponseBody().trim();

        String auditCsv = web.get().uri("/api/v1/audit/entries.csv")
                .headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        byte[] bundle = web.get().uri("/api/v1/audit/export").headers(h -> h.setBearerAuth(TestTokens.get().auditor()))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        String bundleCsv = file(bundle, "entries.csv");

        for (String csv : List.of(auditCsv, bundleCsv)) {
            for (List<String> role : ROLES) {
                assertThat(csv).contains("," + role.get(1) + ",");
            }
            assertThat(csv).doesNotContain(",=HYPERLINK", ",\"=HYPERLINK", ",+1,", ",-2,", ",@SUM");
        }
        assertThat(new BundleVerifier(NoteVerifier.parse(key)).verify(new ByteArrayInputStream(bundle)).findings())
                .isEmpty();
        assertThat(ExportBundleTest.cli(bundle, key)).startsWith("OK");

        // The neutralisation taken out: the CSV no longer has its signed hash, and its cell is named.
        byte[] tampered = ExportBundleTest.rewrite(bundle, "entries.csv", csv -> csv.replace("\"'=HYPERLINK", "\"=HYPERLINK"));
        assertThat(ExportBundleTest.cli(tampered, key)).contains("FAIL files: entries.csv")
                .contains("FAIL csv: entries.csv").contains("staff_role would run as a spreadsheet formula");
    }

    private static String file(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the bundle");
    }
}
