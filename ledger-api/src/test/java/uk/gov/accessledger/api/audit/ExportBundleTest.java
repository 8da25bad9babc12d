package uk.gov.accessledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.bundle.BundleReport;
import uk.gov.accessledger.bundle.BundleVerifier;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.verify.LedgerVerify;

/** Export bundles from the API verify offline with ledger-verify, and a tampered one does not. */
class ExportBundleTest extends ApiTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "export");
    }

    @Test
    void exportsABundleThatVerifiesOfflineAndFailsOnceTampered() throws Exception {
        String citizen = nhsNumber();
        for (int i = 0; i < 3; i++) {
            postOk(TestServices.GP, "/api/v1/entries", access(citizen));
            postOk(TestServices.DWP, "/api/v1/entries", access(nhsNumber()).put("purpose", "al:BenefitEligibility")
                    .put("legalBasis", "ukgdpr:6.1.e"));
        }
        awaitLogged();
        String key = web.get().uri("/log/key").exchange().expectBody(String.class).returnResult()
                .getResponseBody().trim();

        byte[] full = export("");
        BundleReport report = new BundleVerifier(NoteVerifier.parse(key)).verify(new ByteArrayInputStream(full));
        assertThat(report.findings()).isEmpty();
        assertThat(report.entries()).isEqualTo(6);
        assertThat(cli(full, key)).startsWith("OK");

        byte[] dwp = export("?organisation=dwp");
        assertThat(new BundleVerifier(NoteVerifier.parse(key)).verify(new ByteArrayInputStream(dwp)).entries())
                .isEqualTo(3);

        // An edited CSV cell: the file no longer has the SHA-256 the signed manifest names.
        byte[] edited = rewrite(full, "entries.csv", csv -> csv.replaceFirst("nhs-gp-riverside", "nhs-gp-northbank"));
        String verdict = cli(edited, key);
        assertThat(verdict).contains("FAIL").contains("entries.csv");
        // A removed line of entries.jsonl: the file hash, the entry count and the CSV all disagree.
        byte[] removed = rewrite(full, "entries.jsonl", jsonl -> jsonl.substring(jsonl.indexOf('\n') + 1));
        assertThat(cli(removed, key)).contains("FAIL").contains("entries.jsonl");
        // A bundle checked against another log's key fails on every signature.
        String stranger = Ed25519NoteSigner.generate(LOG_ORIGIN,
                new SecureRandom()).verifierKey();
        assertThat(cli(full, stranger)).contains("FAIL").contains("manifest-signature");
    }

    @Test
    void refusesExportsToAnyoneButAuditors() {
        web.get().uri("/api/v1/audit/export").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/audit/export").headers(h -> h.setBasicAuth(TestServices.GP,
                TestServices.secret(TestServices.GP))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/audit/export?from=last-week")
                .headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("from");
    }

    private byte[] export(String query) {
        return web.get().uri("/api/v1/audit/export" + query).headers(h -> h.setBearerAuth(TestTokens.get().auditor()))
                .exchange().expectStatus().isOk().expectHeader().contentType("application/zip")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** Runs the CLI as a regulator would, on a bundle file; returns what it printed. */
    static String cli(byte[] bundle, String key) throws Exception {
        Path file = Files.createTempFile("bundle", ".zip");
        Files.write(file, bundle);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LedgerVerify.run(new String[] {"verify-bundle", file.toString(), "--key", key},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(printed.startsWith("OK") ? 0 : 1);
        Files.delete(file);
        return printed;
    }

    static byte[] rewrite(byte[] zip, String name, UnaryOperator<String> change) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(name)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                rewritten.putNextEntry(new ZipEntry(e.getName()));
                rewritten.write(content);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
