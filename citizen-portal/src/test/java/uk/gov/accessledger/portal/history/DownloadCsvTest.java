package uk.gov.accessledger.portal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The citizen's CSV download neutralises cells a spreadsheet would run, case for case as
 * ledger-core's CSV writer: both are tested against the same vector file.
 */
class DownloadCsvTest {

    /** ledger-format's vectors, read from the repository (the portal does not depend on ledger-format). */
    private static final Path VECTORS = Path.of("..", "ledger-format", "src", "test", "resources", "bundle",
            "formula-cells.json");

    @Test
    void writesEveryVectorCellQuotedAndNeutralisedAsLedgerFormatDoes() throws Exception {
        JsonNode cases = new ObjectMapper().readTree(VECTORS.toFile()).get("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(6);
        for (JsonNode vector : cases) {
            StringBuilder out = new StringBuilder();

            DownloadController.row(out, List.of("before", vector.get("value").asString(), "after"));

            assertThat(out.toString()).as(vector.get("description").asString())
                    .isEqualTo("\"before\",\"" + vector.get("cell").asString().replace("\"", "\"\"") + "\",\"after\"\r\n");
        }
    }

    @Test
    void aMissingCellIsAnEmptyQuotedCell() {
        StringBuilder out = new StringBuilder();
        DownloadController.row(out, Arrays.asList("a", null));
        assertThat(out.toString()).isEqualTo("\"a\",\"\"\r\n");
    }
}
