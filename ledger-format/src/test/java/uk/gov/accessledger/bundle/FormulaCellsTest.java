package uk.gov.accessledger.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.accessledger.bundle.BundleFormat.ENTRIES_CSV;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No CSV cell that a spreadsheet would run: the rule of docs/export-bundle.md against the shared
 * vectors, in entries.csv, and in bundle verification, which compares cells under the same rule
 * and reports a cell that breaks it.
 */
class FormulaCellsTest {

    /** Staff roles a careless or hostile service may record; the last two are the rule's edge cases. */
    private static final List<String> STAFF_ROLES = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2",
            "@SUM(A1)", "\tGP", "\rGP", "-", "GP");

    @TempDir
    Path temp;

    @Test
    void writesEveryVectorCellNeutralisedAndQuotedAndReadsItBack() throws Exception {
        for (JsonNode vector : vectors()) {
            String value = vector.get("value").asText();
            String cell = vector.get("cell").asText();
            StringBuilder csv = new StringBuilder();
            CsvRows.append(csv, List.of("before", value, "after"));

            List<String> read = new CsvReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))
                    .next().fields();

            assertThat(read).as(vector.get("description").asText()).containsExactly("before", cell, "after");
            assertThat(CsvRows.neutralised(value)).as(vector.get("description").asText()).isEqualTo(cell);
            assertThat(CsvRows.runsAsFormula(cell)).as(vector.get("description").asText()).isFalse();
            if (!cell.equals(value)) {
                assertThat(csv.toString()).as("a neutralised cell is quoted: " + vector.get("description").asText())
                        .startsWith("before,\"'");
            }
        }
    }

    @Test
    void aBundleOfFormulaStaffRolesHoldsThemNeutralisedAndVerifies() throws IOException {
        TestLog log = TestLog.chained(STAFF_ROLES.size(), 3, (i, entry) -> entry.put("staffRole", STAFF_ROLES.get(i)));

        Map<String, byte[]> files = ZipFiles.read(bundle(log));

        List<String> staffRoles = column(files, "staff_role");
        assertThat(staffRoles).containsExactly("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", "'\tGP",
                "'\rGP", "'-", "GP");
        assertThat(ZipFiles.text(files, ENTRIES_CSV)).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")
                .contains(",\"'+1\",").contains(",\"'-2\",").contains(",\"'@SUM(A1)\",").contains(",GP,");
        BundleReport report = verify(ZipFiles.write(files), log);
        assertThat(report.findings()).isEmpty();
        assertThat(report.entries()).isEqualTo(STAFF_ROLES.size());
    }

    @Test
    void anEntryIdThatLooksLikeAFormulaIsComparedNeutralised() throws IOException {
        TestLog log = TestLog.chained(4, 2, (i, entry) -> entry.put("id", i == 2 ? "-2" : entry.get("id").asText()));

        Map<String, byte[]> files = ZipFiles.read(bundle(log));

        assertThat(column(files, "entry_id").get(2)).isEqualTo("'-2");
        assertThat(verify(ZipFiles.write(files), log).findings()).isEmpty();
    }

    @Test
    void reportsAFormulaCellInAResealedBundleByColumnAndEntry() throws IOException {
        TestLog log = TestLog.chained(STAFF_ROLES.size(), 3, (i, entry) -> entry.put("staffRole", STAFF_ROLES.get(i)));
        Map<String, byte[]> files = ZipFiles.read(bundle(log));
        // The neutralisation taken out again, and the manifest re-signed as a dishonest exporter could.
        ZipFiles.putText(files, ENTRIES_CSV, ZipFiles.text(files, ENTRIES_CSV).replace("\"'=HYPERLINK", "\"=HYPERLINK"));
        ZipFiles.reseal(files, log.signer);

        BundleReport report = verify(ZipFiles.write(files), log);

        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).hasSize(1);
        Finding finding = report.findings().get(0);
        assertThat(finding.check()).isEqualTo(BundleCheck.CSV);
        assertThat(finding.line()).isEqualTo(2);
        assertThat(finding.entryId()).isEqualTo(TestLog.entryId(0));
        assertThat(finding.problem()).startsWith("staff_role would run as a spreadsheet formula: got =HYPERLINK(");
    }

    @Test
    void reportsAnEntryIdCellWhoseNeutralisationIsMissing() throws IOException {
        TestLog log = TestLog.chained(4, 2, (i, entry) -> entry.put("id", i == 2 ? "-2" : entry.get("id").asText()));
        Map<String, byte[]> files = ZipFiles.read(bundle(log));
        ZipFiles.putText(files, ENTRIES_CSV, ZipFiles.text(files, ENTRIES_CSV).replace("\"'-2\"", "-2"));
        ZipFiles.reseal(files, log.signer);

        BundleReport report = verify(ZipFiles.write(files), log);

        assertThat(report.findings()).extracting(Finding::toString).containsExactly(
                "csv: entries.csv:4 entry -2: entry_id would run as a spreadsheet formula: got -2, want '-2",
                "csv: entries.csv:4 entry -2: entry_id differs from entries.jsonl line 3: got -2, want '-2");
    }

    private BundleReport verify(byte[] bundle, TestLog log) throws IOException {
        Path file = Files.createTempFile(temp, "bundle", ".zip");
        Files.write(file, bundle);
        return new BundleVerifier(log.signer.verifier(), temp, 1000, 100).verify(file);
    }

    /** A bundle of every entry of {@code log}, each CSV row with the staff role its entry has. */
    private static byte[] bundle(TestLog log) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter writer = BundleWriter.open(out, log.signer, log.signedCheckpoint(), TestLog.QUERY,
                TestLog.CREATED_AT)) {
            for (int i = 0; i < log.size(); i++) {
                ExportedEntry e = log.exported(i);
                EntryCsvRow r = e.row();
                writer.write(new ExportedEntry(e.leafIndex(), e.canonical(), e.inclusionProof(), new EntryCsvRow(
                        r.entryId(), r.kind(), r.recordedAt(), r.happenedAt(), r.organisation(), r.organisationName(),
                        r.service(), r.serviceName(), log.entries.get(i).get("staffRole").asText(), r.action(),
                        r.actionDescription(), r.purpose(), r.purposeDescription(), r.legalBasis(),
                        r.legalBasisDescription(), r.dataCategories(), r.emergency(), r.policyExceptions(), r.subject(),
                        r.seq())));
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    /** The cells of one column of entries.csv, header excluded. */
    private static List<String> column(Map<String, byte[]> files, String name) throws IOException {
        CsvReader reader = new CsvReader(new ByteArrayInputStream(files.get(ENTRIES_CSV)));
        List<String> cells = new ArrayList<>();
        try {
            int column = reader.next().fields().indexOf(name);
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                cells.add(row.fields().get(column));
            }
        } catch (CsvReader.MalformedCsvException e) {
            throw new AssertionError(e);
        }
        return cells;
    }

    private static JsonNode vectors() throws IOException {
        try (InputStream in = FormulaCellsTest.class.getResourceAsStream("/bundle/formula-cells.json")) {
            return new ObjectMapper().readTree(in).get("cases");
        }
    }
}
