package uk.gov.accessledger.portal.history;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.accessledger.portal.ledger.EntryView;
import uk.gov.accessledger.portal.ledger.HistoryQuery;
import uk.gov.accessledger.portal.ledger.LedgerClient;

/**
 * "Download my record": every entry that matches the filters, as CSV (for a spreadsheet) or JSON
 * (with the canonical bytes and hashes, so anyone can re-check them offline).
 */
@Controller
class DownloadController {

    static final int PAGE = 100;
    /** Jackson 3 writes times as RFC 3339 text; fields stay in the records' order, not sorted. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
    private static final List<String> CSV_HEADER = List.of("id", "kind", "seq", "happened_at", "recorded_at",
            "summary", "organisation", "service", "staff_role", "action", "data_categories", "purpose",
            "legal_basis", "decision", "emergency", "policy_exception", "leaf_hash", "prev");

    /** The first characters that make a spreadsheet run a cell (OWASP "CSV Injection"). */
    static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private final LedgerClient ledger;

    DownloadController(LedgerClient ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/download/entries.json")
    Mono<ResponseEntity<byte[]>> json(@RequestParam MultiValueMap<String, String> params) {
        return entries(params).map(entries -> {
            try {
                byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of(
                        "format", "access-ledger-entries-v1",
                        "howToVerify", "leafHash = SHA-256(0x00 || base64-decoded canonical); see docs/entry-format.md",
                        "entries", entries));
                return attachment(body, "my-record.json", MediaType.APPLICATION_JSON);
            } catch (Exception e) {
                throw new IllegalStateException("couldn't write the JSON download", e);
            }
        });
    }

    @GetMapping("/download/entries.csv")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam MultiValueMap<String, String> params) {
        return entries(params).map(entries -> {
            StringBuilder out = new StringBuilder();
            row(out, CSV_HEADER);
            for (EntryView e : entries) {
                row(out, List.of(e.id().toString(), e.kind(), Long.toString(e.seq()),
                        String.valueOf(e.happenedAt()), String.valueOf(e.recordedAt()), EntryText.headline(e),
                        label(e, "organisation"), label(e, "service"), nullToEmpty(e.text("staffRole")),
                        label(e, "action"), String.join("; ", EntryText.categories(e)), label(e, "purpose"),
                        label(e, "legalBasis"), nullToEmpty(e.text("decision")),
                        e.flag("emergency") ? "yes" : "no", e.policyException() ? "yes" : "no",
                        e.leafHash(), nullToEmpty(e.prev())));
            }
            return attachment(out.toString().getBytes(StandardCharsets.UTF_8), "my-record.csv",
                    new MediaType("text", "csv", StandardCharsets.UTF_8));
        });
    }

    private Mono<List<EntryView>> entries(MultiValueMap<String, String> params) {
        return ledger.reference().flatMap(reference -> {
            Filters f = HistoryController.filters(params, reference);
            var q = HistoryController.query(f, LocalDate.now(EntryText.UK), null);
            return ledger.all(new HistoryQuery(q.organisation(), q.purpose(),
                    q.kind(), q.from(), q.to(), null, PAGE)).collectList();
        });
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static String label(EntryView e, String field) {
        return e.text(field) == null ? "" : e.label(e.text(field));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** RFC 4180, every cell quoted (quotes doubled) and {@link #neutralised}, rows ended by CRLF. */
    static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = neutralised(cells.get(i) == null ? "" : cells.get(i));
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    /**
     * {@code cell} with a leading {@code '} if a spreadsheet would run it as a formula: if it
     * starts with {@code = + - @}, tab or CR (OWASP "CSV Injection"). The same rule as ledger-core's
     * CSV writer (docs/export-bundle.md); the portal knows ledger-api only over HTTP, so the rule
     * is kept here too and both are tested against ledger-core's {@code bundle/formula-cells.json}.
     */
    static String neutralised(String cell) {
        return !cell.isEmpty() && FORMULA_TRIGGERS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
