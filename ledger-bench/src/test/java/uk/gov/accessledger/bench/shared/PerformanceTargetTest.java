package uk.gov.accessledger.bench.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.bench.shared.PerformanceTarget.Limit;

/**
 * The targets in code are the targets of docs/design.md, word for word and in order, and each
 * target's words state the limits the report judges by, so neither can change without the other.
 */
class PerformanceTargetTest {

    /** The system property that names docs/design.md (set in the pom). */
    private static final String DESIGN_PROPERTY = "ledger.design.md";

    @Test
    void designTableHoldsExactlyTheseTargets() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (PerformanceTarget target : PerformanceTarget.values()) {
            rows.add(List.of(target.what(), target.target()));
        }
        assertThat(designTable()).isEqualTo(rows);
    }

    @Test
    void eachTargetsWordsStateItsLimits() {
        for (PerformanceTarget target : PerformanceTarget.values()) {
            for (Limit limit : target.limits()) {
                assertThat(target.target()).as(target.name()).contains((limit.atLeast() ? "≥ " : "≤ ") + words(limit));
            }
        }
    }

    @Test
    void judgesEachFigureByItsLimit() {
        assertThat(PerformanceTarget.SINGLE_ENTRY_INGEST.met(3000, 50)).isTrue();
        assertThat(PerformanceTarget.SINGLE_ENTRY_INGEST.met(2999, 10)).isFalse();
        assertThat(PerformanceTarget.SINGLE_ENTRY_INGEST.met(9000, 50.1)).isFalse();
        assertThat(PerformanceTarget.BATCHED_INGEST.met(20_000, Double.NaN)).as("no baseline, no verdict").isFalse();
        assertThatThrownBy(() -> PerformanceTarget.PROOF.met(1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 2 figures, want 1");
    }

    @Test
    void conditionsAreTheOnesTheTargetsName() {
        assertThat(PerformanceTarget.BATCHED_INGEST.what()).contains(PerformanceTarget.BATCH_SIZE_MIN + "–"
                + PerformanceTarget.BATCH_SIZE_MAX + " entries");
        assertThat(PerformanceTarget.SINGLE_ENTRY_INGEST.what())
                .contains(PerformanceTarget.SINGLE_ENTRY_CLIENTS + " concurrent clients");
        assertThat(PerformanceTarget.HISTORY_PAGE.what()).contains("(" + PerformanceTarget.HISTORY_PAGE_ENTRIES
                + " entries) at " + PerformanceTarget.SCALE_ENTRIES / 1_000_000 + " M entries / "
                + PerformanceTarget.SCALE_SUBJECTS / 1_000_000 + " M subjects");
        assertThat(PerformanceTarget.PROOF.what()).contains(PerformanceTarget.SCALE_ENTRIES / 1_000_000 + " M leaves");
    }

    /** A limit as the design words it: "20,000 entries/s", "50 %", "50 ms", "1 s". */
    private static String words(Limit limit) {
        DecimalFormat grouped = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        if (limit.unit().equals("ms") && limit.value() >= 1000) {
            return grouped.format(limit.value() / 1000) + " s";
        }
        return grouped.format(limit.value()) + " " + limit.unit();
    }

    /** The rows of the table under "## Performance targets" in docs/design.md, header and rule left out. */
    private static List<List<String>> designTable() throws IOException {
        String named = System.getProperty(DESIGN_PROPERTY);
        assertThat(named).as("system property " + DESIGN_PROPERTY + " (set in the pom)").isNotNull();
        List<String> lines = Files.readAllLines(Path.of(named));
        int start = lines.indexOf("## Performance targets");
        assertThat(start).as("docs/design.md has a section \"Performance targets\"").isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("|")) {
                rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList());
            }
        }
        assertThat(rows).as("a table: header, rule, rows").hasSizeGreaterThan(2);
        return rows.subList(2, rows.size());
    }
}
