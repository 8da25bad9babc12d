package uk.gov.accessledger.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row's CSV record, read back cell by cell under the header's column names. */
class EntryCsvRowTest {

    private static final byte[] LEAF_HASH = HexFormat.of().parseHex("0a1b".repeat(16));

    @Test
    void writesEveryCellUnderItsColumnQuotedOnlyWhereItMustBe() throws Exception {
        EntryCsvRow row = new EntryCsvRow("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "access",
                Instant.parse("2026-11-25T09:31:02.250999Z"), Instant.parse("2026-11-25T09:30:00Z"),
                "nhs-gp-riverside", "Riverside Medical Practice", "gp-riverside-patient-record", "Patient record",
                "GP, locum \"Dr A\"", "dpv:Consult", "looked at", "al:DirectCare", "Your care\r\nand treatment",
                "ukgdpr:9.2.h", "Health or social care", List.of("pd:HealthRecord", "pd:Prescription"), true,
                List.of("purpose-not-registered-for-service"), "0f".repeat(32), 7);

        Map<String, String> cells = read(row, 12L);

        assertThat(cells).containsExactly(Map.entry("leaf_index", "12"),
                Map.entry("entry_id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"), Map.entry("kind", "access"),
                Map.entry("recorded_at", "2026-11-25T09:31:02.250Z"), Map.entry("happened_at", "2026-11-25T09:30:00.000Z"),
                Map.entry("organisation", "nhs-gp-riverside"), Map.entry("organisation_name", "Riverside Medical Practice"),
                Map.entry("service", "gp-riverside-patient-record"), Map.entry("service_name", "Patient record"),
                Map.entry("staff_role", "GP, locum \"Dr A\""), Map.entry("action", "dpv:Consult"),
                Map.entry("action_description", "looked at"), Map.entry("purpose", "al:DirectCare"),
                Map.entry("purpose_description", "Your care\r\nand treatment"), Map.entry("legal_basis", "ukgdpr:9.2.h"),
                Map.entry("legal_basis_description", "Health or social care"),
                Map.entry("data_categories", "pd:HealthRecord; pd:Prescription"), Map.entry("emergency", "true"),
                Map.entry("policy_exceptions", "purpose-not-registered-for-service"),
                Map.entry("subject", "0f".repeat(32)), Map.entry("seq", "7"), Map.entry("leaf_hash", "0a1b".repeat(16)));
        StringBuilder line = new StringBuilder();
        row.appendCsvRecord(line, 12L, LEAF_HASH);
        assertThat(line.toString()).startsWith("12,3f2504e0-4f89-41d3-9a0c-0305e82c3301,access,")
                .contains(",\"GP, locum \"\"Dr A\"\"\",").endsWith(",7," + "0a1b".repeat(16) + "\r\n");
    }

    @Test
    void absentValuesAndALeafNotYetAssignedAreEmptyCells() throws Exception {
        EntryCsvRow concern = new EntryCsvRow("id-1", "concern", Instant.parse("2026-11-25T09:31:02.250Z"),
                Instant.parse("2026-11-25T09:31:02.250Z"), null, null, null, null, null, null, null, null, null, null,
                null, List.of(), null, null, "s", 0);

        Map<String, String> cells = read(concern, null);

        assertThat(cells.get("leaf_index")).isEmpty();
        assertThat(cells.get("organisation")).isEmpty();
        assertThat(cells.get("data_categories")).isEmpty();
        assertThat(cells.get("emergency")).isEmpty();
        assertThat(cells.get("policy_exceptions")).isEmpty();
        assertThat(cells.get("seq")).isEqualTo("0");
        assertThat(cells).hasSize(BundleFormat.CSV_COLUMNS.size());
    }

    private static Map<String, String> read(EntryCsvRow row, Long leafIndex) throws Exception {
        StringBuilder csv = new StringBuilder(EntryCsvRow.csvHeader());
        row.appendCsvRecord(csv, leafIndex, LEAF_HASH);
        CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        List<String> header = reader.next().fields();
        List<String> fields = reader.next().fields();
        assertThat(reader.next()).isNull();
        assertThat(fields).hasSameSizeAs(header);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), fields.get(i));
        }
        return cells;
    }
}
