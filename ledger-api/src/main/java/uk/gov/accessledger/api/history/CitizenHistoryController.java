package uk.gov.accessledger.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.ingest.EntryRecorder;
import uk.gov.accessledger.api.ingest.EntryRequestParser;
import uk.gov.accessledger.api.log.LogProofs;
import uk.gov.accessledger.logformat.TlogProof;
import uk.gov.accessledger.api.ingest.ParsedEntry;
import uk.gov.accessledger.api.ingest.Receipt;
import uk.gov.accessledger.api.ingest.RequestJson;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.projection.LedgerEntries;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.api.security.CitizenSubjects;
import uk.gov.accessledger.chain.EntryIds;

/**
 * A citizen's own entries. The subject is always the one in the caller's verified token: an entry
 * id of anyone else's answers 404 exactly like an id that does not exist.
 */
@RestController
class CitizenHistoryController {

    private final LedgerEntries entries;
    private final EntryViews views;
    private final CitizenSubjects subjects;
    private final EntryRecorder recorder;
    private final LogProofs proofs;
    private final EntryRequestParser parser;
    private final Clock clock;

    CitizenHistoryController(LedgerEntries entries, EntryViews views, CitizenSubjects subjects,
                             EntryRecorder recorder, EntryRequestParser parser, LogProofs proofs, Clock clock) {
        this.parser = parser;
        this.proofs = proofs;
        this.entries = entries;
        this.views = views;
        this.subjects = subjects;
        this.recorder = recorder;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/me/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EntryPage> history(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> params) {
        String subject = subjects.subjectOf(token);
        QueryParameters.ListQuery query = QueryParameters.parse(params);
        return WorkerThreads.call(() -> {
            List<LedgerEntryRow> rows = entries.history(subject, query.filter(), query.cursor(),
                    query.limit() + 1, today());
            return views.page(rows, query.limit(), last -> QueryParameters.encodeCursor(last.seq()));
        });
    }

    /** A chain neighbour; an entry still withheld from the subject shows only its link fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Neighbour(long seq, String leafHash, String prev, UUID id, boolean withheld) {
    }

    record EntryDetail(EntryView entry, Neighbour previous, Neighbour next, List<EntryView> referredBy) {
    }

    @GetMapping(path = "/api/v1/me/entries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EntryDetail> entry(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        String subject = subjects.subjectOf(token);
        UUID entryId = entryId(id);
        return WorkerThreads.call(() -> {
            LedgerEntryRow row = visibleEntry(subject, entryId);
            Neighbour previous = null;
            Neighbour next = null;
            for (LedgerEntryRow n : entries.neighbours(subject, row.seq())) {
                boolean withheld = !n.visibleToSubjectOn(today());
                Neighbour neighbour = new Neighbour(n.seq(), hex(n.leafHash()), hex(n.prevHash()),
                        withheld ? null : n.entryId(), withheld);
                if (n.seq() < row.seq()) {
                    previous = neighbour;
                } else {
                    next = neighbour;
                }
            }
            List<EntryView> referredBy = entries.referring(entryId).stream()
                    .filter(r -> r.visibleToSubjectOn(today())).map(views::view).toList();
            return new EntryDetail(views.view(row), previous, next, referredBy);
        });
    }

    /**
     * The C2SP tlog-proof of one of the caller's entries against the latest checkpoint: check it
     * with the log's verifier key from {@code /log/key}. 404 until the entry is in a checkpoint.
     */
    @GetMapping(path = "/api/v1/me/entries/{id}/proof", produces = "text/plain")
    Mono<String> proof(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        String subject = subjects.subjectOf(token);
        UUID entryId = entryId(id);
        return WorkerThreads.call(() -> {
            LedgerEntryRow row = visibleEntry(subject, entryId);
            return Optional.ofNullable(row.leafIndex()).flatMap(proofs::tlogProof).map(TlogProof::toText)
                    .orElseThrow(() -> ProblemException.notFound(
                    "the entry is recorded but not yet in a signed checkpoint; try again in a second"));
        });
    }

    /** Raises a concern about one of the caller's entries; recorded in their chain. */
    @PostMapping(path = "/api/v1/me/entries/{id}/concerns", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Receipt>> raiseConcern(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                               @RequestBody(required = false) byte[] body) {
        String subject = subjects.subjectOf(token);
        UUID about = entryId(id);
        return WorkerThreads.call(() -> {
            JsonNode request = RequestJson.parse(body);
            List<FieldError> errors = new ArrayList<>();
            Optional<ParsedEntry> concern = parser.parseConcern(request, subject, about, errors);
            if (concern.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            visibleEntry(subject, about);
            EntryRecorder.Outcome outcome = recorder.record(List.of(concern.get()));
            return ResponseEntity.status(outcome.recordedNew() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(outcome.receipts().get(0));
        });
    }

    private LedgerEntryRow visibleEntry(String subject, UUID entryId) {
        return entries.find(entryId)
                .filter(r -> r.subject().equals(subject) && r.visibleToSubjectOn(today()))
                .orElseThrow(() -> ProblemException.notFound("you have no entry with this id"));
    }

    private static UUID entryId(String id) {
        return EntryIds.parse(id).orElseThrow(() -> ProblemException.notFound("you have no entry with this id"));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String hex(byte[] b) {
        return b == null ? null : HexFormat.of().formatHex(b);
    }
}
