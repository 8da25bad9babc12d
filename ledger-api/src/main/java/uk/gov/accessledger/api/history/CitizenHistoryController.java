package uk.gov.accessledger.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.log.LogProofs;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.projection.LedgerEntries;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.api.security.CitizenSubjects;
import uk.gov.accessledger.chain.EntryIds;
import uk.gov.accessledger.logformat.TlogProof;

/**
 * A citizen's own entries. The subject is always the one in the caller's verified token: an entry
 * id of anyone else's answers 404 exactly like an id that does not exist.
 */
@RestController
class CitizenHistoryController {

    private final LedgerEntries entries;
    private final EntryViews views;
    private final CitizenSubjects subjects;
    private final LogProofs proofs;
    private final Clock clock;

    CitizenHistoryController(LedgerEntries entries, EntryViews views, CitizenSubjects subjects, LogProofs proofs,
                             Clock clock) {
        this.proofs = proofs;
        this.entries = entries;
        this.views = views;
        this.subjects = subjects;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/me/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EntryPage> history(@AuthenticationPrincipal Jwt token, @RequestParam Map<String, String> params) {
        String subject = subjects.subjectOf(token);
        HistoryQuery.ListQuery query = HistoryQuery.parse(params);
        return WorkerThreads.call(() -> {
            List<LedgerEntryRow> rows = entries.history(subject, query.filter(), query.cursor(),
                    query.limit() + 1, today());
            return views.page(rows, query.limit(), LedgerEntryRow::seq);
        });
    }

    /** A chain neighbour; an entry still withheld from the subject shows only its link fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Neighbour(long seq, String leafHash, String prev, UUID id, boolean withheld) {
    }

    /** One entry with its chain neighbours (either may be null) and the visible entries that refer to it. */
    record EntryInContext(EntryView entry, Neighbour previous, Neighbour next, List<EntryView> referredBy) {
    }

    @GetMapping(path = "/api/v1/me/entries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EntryInContext> entry(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
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
            return new EntryInContext(views.view(row), previous, next, referredBy);
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
