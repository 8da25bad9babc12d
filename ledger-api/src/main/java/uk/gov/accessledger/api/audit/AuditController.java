package uk.gov.accessledger.api.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.history.EntryPage;
import uk.gov.accessledger.api.history.EntryViews;
import uk.gov.accessledger.api.log.LogProofs;
import uk.gov.accessledger.api.log.SignedCheckpoint;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.projection.HistoryFilter;
import uk.gov.accessledger.api.projection.LedgerEntries;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.api.web.QueryParameters;
import uk.gov.accessledger.bundle.BundleFormat;
import uk.gov.accessledger.bundle.BundleWriter;
import uk.gov.accessledger.bundle.EntryCsvRow;
import uk.gov.accessledger.bundle.ExportedEntry;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * The auditor's view of the ledger. Exports stream straight from a database cursor to the
 * response with back-pressure: the writer blocks while the client is slow, so memory stays flat
 * whatever the size.
 */
@RestController
class AuditController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType JSON_LINES = new MediaType("application", "jsonl", StandardCharsets.UTF_8);

    /** Exports block on JDBC and on the client; a bounded pool of their own keeps them apart. */
    private static final byte[] JSONL_ENTRY = "{\"entry\":".getBytes(StandardCharsets.US_ASCII);

    private static final ExecutorService EXPORTS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "audit-export");
        t.setDaemon(true);
        return t;
    });

    private final LedgerEntries entries;
    private final EntryViews views;
    private final ReferenceData reference;
    private final AuditCsv csv;
    private final SelfAudit selfAudit;
    private final LogProofs proofs;
    private final Ed25519NoteSigner signer;
    private final Clock clock;

    AuditController(LedgerEntries entries, EntryViews views, ReferenceData reference, SelfAudit selfAudit,
                    LogProofs proofs, Ed25519NoteSigner signer, Clock clock) {
        this.selfAudit = selfAudit;
        this.proofs = proofs;
        this.signer = signer;
        this.clock = clock;
        this.entries = entries;
        this.views = views;
        this.reference = reference;
        this.csv = new AuditCsv(reference);
    }

    @GetMapping(path = "/api/v1/audit/entries.csv")
    ResponseEntity<Flux<DataBuffer>> entriesCsv(@RequestParam Map<String, String> params,
                                                ServerHttpResponse response) {
        HistoryFilter filter = filter(AuditFilter.parse(params, reference));
        return download(CSV, "entries.csv", stream(response, out -> {
            out.write(EntryCsvRow.csvHeader().getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(1024);
            entries.streamCanonical(filter, (canonical, leafHash, leafIndex) -> {
                line.setLength(0);
                csv.row(canonical).appendCsvRecord(line, leafIndex, leafHash);
                write(out, line.toString().getBytes(StandardCharsets.UTF_8));
            });
        }));
    }

    /** One line per entry: {@code {"entry":<its canonical JSON, verbatim>,"leafIndex":n}}. */
    @GetMapping(path = "/api/v1/audit/entries.jsonl")
    ResponseEntity<Flux<DataBuffer>> entriesJsonLines(@RequestParam Map<String, String> params,
                                                      ServerHttpResponse response) {
        HistoryFilter filter = filter(AuditFilter.parse(params, reference));
        // The canonical bytes are UTF-8 JSON already: copied as they are, never decoded and re-encoded.
        return download(JSON_LINES, "entries.jsonl", stream(response, out -> entries.streamCanonical(filter,
                (canonical, leafHash, leafIndex) -> {
            try {
                out.write(JSONL_ENTRY);
                out.write(canonical);
                out.write((",\"leafIndex\":" + (leafIndex == null ? "null" : leafIndex) + "}\n")
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
    }

    /**
     * Year * 100 + month of {@code happened_at} when it lies within the ledger's time bounds
     * (EntryTimes); NULL for a row written before they were checked, whose column can hold any
     * time (its canonical bytes hold the signed one) and would overflow the arithmetic.
     */
    private static final String MONTH_HAPPENED = "CASE WHEN happened_at >= TIMESTAMP WITH TIME ZONE"
            + " '1970-01-01 00:00:00+00' AND happened_at < TIMESTAMP WITH TIME ZONE '10000-01-01 00:00:00+00'"
            + " THEN EXTRACT(YEAR FROM happened_at) * 100 + EXTRACT(MONTH FROM happened_at) END";

    @GetMapping(path = "/api/v1/audit/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> summary(@RequestParam Map<String, String> params) {
        HistoryFilter filter = filter(AuditFilter.parse(params, reference));
        return WorkerThreads.call(() -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            Map<String, Long> byKind = entries.countBy(filter, "kind");
            summary.put("entries", byKind.values().stream().mapToLong(Long::longValue).sum());
            summary.put("byKind", byKind);
            summary.put("byOrganisation", entries.countBy(filter, "organisation"));
            summary.put("byPurpose", entries.countBy(filter, "purpose"));
            summary.put("byLegalBasis", entries.countBy(filter, "legal_basis"));
            Map<String, Long> months = entries.countBy(filter, MONTH_HAPPENED);
            Long outOfRange = months.remove(String.valueOf((Object) null));
            summary.put("byMonth", byMonth(months));
            summary.put("timeOutOfRange", outOfRange == null ? 0L : outOfRange);
            summary.put("policyExceptions", entries.countBy(filter, "policy_exception").getOrDefault("true", 0L));
            return summary;
        });
    }

    @GetMapping(path = "/api/v1/audit/policy-exceptions", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EntryPage> policyExceptions(@RequestParam Map<String, String> params) {
        QueryParameters query = QueryParameters.of(params, AuditFilter.PARAMETERS, QueryParameters.PAGE);
        AuditFilter parsed = AuditFilter.read(query, reference);
        int limit = query.limit();
        Long cursor = query.cursor();
        query.check();
        HistoryFilter filter = filter(new AuditFilter(parsed.organisation(), parsed.service(), parsed.purpose(),
                parsed.legalBasis(), parsed.action(), parsed.kind(), parsed.from(), parsed.to(), true));
        return WorkerThreads.call(() -> views.page(entries.matching(filter, cursor, limit + 1), limit,
                LedgerEntryRow::rowId));
    }

    /**
     * A signed export bundle (docs/export-bundle.md): every matching entry that the latest
     * checkpoint covers, with its inclusion proof, as JSON Lines and CSV, plus the checkpoint, the
     * log key, and a manifest signed by the log key. Streamed: memory stays flat.
     */
    @GetMapping(path = "/api/v1/audit/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(@RequestParam Map<String, String> params,
                                                  ServerHttpResponse response) {
        AuditFilter parsed = AuditFilter.parse(params, reference);
        HistoryFilter filter = filter(parsed);
        return WorkerThreads.call(() -> verified(proofs.latestCheckpoint().orElseThrow(() ->
                        ProblemException.notFound("the log has not signed a checkpoint yet"))))
                .map(checkpoint -> download(MediaType.parseMediaType(BundleFormat.MEDIA_TYPE),
                        "access-ledger-export.zip", stream(response, out -> {
                            try (BundleWriter bundle = BundleWriter.open(out, signer, checkpoint.note(),
                                    parsed.asQuery(), clock.instant())) {
                                entries.streamLogged(filter, checkpoint.size(), row -> {
                                    try {
                                        bundle.write(new ExportedEntry(row.leafIndex(), row.canonical(),
                                                proofs.inclusionProof(row.leafIndex(), checkpoint.size()),
                                                csv.row(row.canonical())));
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                });
                                bundle.finish();
                            }
                        })));
    }

    /** A bundle is only ever made under a checkpoint that verifies with the log's own key. */
    private SignedCheckpoint verified(SignedCheckpoint checkpoint) {
        try {
            Checkpoint.open(checkpoint.note(), signer.verifier());
            return checkpoint;
        } catch (NoteVerificationException | RuntimeException e) {
            throw new ProblemException(ProblemType.LOG_INTEGRITY, "the latest checkpoint (size " + checkpoint.size()
                    + ") does not verify with the log's key; no export is made under it", List.of());
        }
    }

    /** Runs the self-audit now and answers its report (it reads every stored entry: minutes at scale). */
    @PostMapping(path = "/api/v1/audit/self-audit",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<SelfAuditReport> runSelfAudit() {
        return WorkerThreads.call(selfAudit::run);
    }

    @GetMapping(path = "/api/v1/audit/self-audit", produces = MediaType.APPLICATION_JSON_VALUE)
    SelfAuditReport lastSelfAudit() {
        SelfAuditReport report = selfAudit.last();
        if (report == null) {
            throw ProblemException.notFound("no self-audit has run yet; POST to this path to run one");
        }
        return report;
    }

    static HistoryFilter filter(AuditFilter f) {
        return new HistoryFilter(f.organisation(), f.service(), f.purpose(), f.legalBasis(), f.action(), f.kind(),
                f.fromInstant(), f.toInstantExclusive(), f.policyException());
    }

    private static Map<String, Long> byMonth(Map<String, Long> counts) {
        Map<String, Long> months = new LinkedHashMap<>();
        counts.forEach((k, n) -> {
            long yyyymm = (long) Double.parseDouble(k);
            months.put(String.format("%04d-%02d", yyyymm / 100, yyyymm % 100), n);
        });
        return months;
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Runs {@code body} on an export thread, writing through a 64 KiB buffer into the response. */
    static Flux<DataBuffer> stream(ServerHttpResponse response, Body body) {
        Consumer<OutputStream> handler = out -> {
            try (OutputStream buffered = new BufferedOutputStream(out, 64 * 1024)) {
                body.write(buffered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return Flux.from(DataBufferUtils.outputStreamPublisher(handler, response.bufferFactory(), EXPORTS, 64 * 1024));
    }

    static ResponseEntity<Flux<DataBuffer>> download(MediaType type, String filename, Flux<DataBuffer> body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
