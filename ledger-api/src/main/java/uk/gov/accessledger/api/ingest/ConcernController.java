package uk.gov.accessledger.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.projection.LedgerEntries;
import uk.gov.accessledger.api.security.CitizenSubjects;
import uk.gov.accessledger.chain.EntryIds;

/**
 * {@code POST /api/v1/me/entries/{id}/concerns}: a citizen's concern about one of their entries
 * (docs/api.md, "Concerns"), recorded in their chain. The subject is always the one in the
 * caller's verified token; an entry id of anyone else's answers 404 exactly like one that does not
 * exist, as in the citizen's history.
 */
@RestController
class ConcernController {

    private final EntryRequestParser parser;
    private final EntryRecorder recorder;
    private final LedgerEntries entries;
    private final CitizenSubjects subjects;
    private final Clock clock;

    ConcernController(EntryRequestParser parser, EntryRecorder recorder, LedgerEntries entries,
                      CitizenSubjects subjects, Clock clock) {
        this.parser = parser;
        this.recorder = recorder;
        this.entries = entries;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** 201 with the concern's receipt, or 200 with the same receipt on a repeat of its idempotency key. */
    @PostMapping(path = "/api/v1/me/entries/{id}/concerns", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Receipt>> raiseConcern(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                               @RequestBody(required = false) byte[] body) {
        String subject = subjects.subjectOf(token);
        UUID about = EntryIds.parse(id).orElseThrow(ConcernController::noSuchEntry);
        return WorkerThreads.call(() -> {
            JsonNode request = RequestJson.parse(body);
            List<FieldError> errors = new ArrayList<>();
            Optional<ParsedEntry> concern = parser.parseConcern(request, subject, about, errors);
            if (concern.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            entries.find(about).filter(r -> r.subject().equals(subject) && r.visibleToSubjectOn(today))
                    .orElseThrow(ConcernController::noSuchEntry);
            EntryRecorder.Outcome outcome = recorder.record(List.of(concern.get()));
            return ResponseEntity.status(outcome.recordedNew() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(outcome.receipts().get(0));
        });
    }

    private static ProblemException noSuchEntry() {
        return ProblemException.notFound("you have no entry with this id");
    }
}
