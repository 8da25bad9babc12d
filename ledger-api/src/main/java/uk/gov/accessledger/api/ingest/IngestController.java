package uk.gov.accessledger.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.LedgerProperties;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.log.InclusionWaiter;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.security.ServicePrincipal;

/** {@code POST /api/v1/entries} and {@code POST /api/v1/entries/batch}, for services. */
@RestController
class IngestController {

    /** One entry is a few hundred bytes; 64 KiB leaves room for long justifications. */
    static final int MAX_SINGLE_BODY = 64 * 1024;

    private final EntryRequestParser parser;
    /** How long {@code ?wait=inclusion} holds a request; the target is inclusion within 1 s. */
    static final Duration INCLUSION_TIMEOUT = Duration.ofSeconds(10);

    private final EntryRecorder recorder;
    private final GroupCommit groupCommit;
    private final InclusionWaiter inclusion;
    private final LedgerProperties properties;
    private final Timer latency;

    IngestController(EntryRequestParser parser, EntryRecorder recorder, GroupCommit groupCommit,
                     InclusionWaiter inclusion, LedgerProperties properties, MeterRegistry meters) {
        this.inclusion = inclusion;
        this.parser = parser;
        this.recorder = recorder;
        this.groupCommit = groupCommit;
        this.properties = properties;
        this.latency = Timer.builder("ledger.ingest.latency").publishPercentileHistogram().register(meters);
    }

    /** Records one entry: 201 with its receipt, or 200 with the same receipt on a repeat. */
    @PostMapping(path = "/api/v1/entries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Receipt>> record(@AuthenticationPrincipal ServicePrincipal service,
                                         @RequestParam(required = false) String wait,
                                         @RequestBody(required = false) byte[] body) {
        boolean awaitInclusion = awaitInclusion(wait);
        long start = System.nanoTime();
        // Parsing runs on a worker thread; the request then waits in the group commit's queue
        // without holding a thread, and only ?wait=inclusion takes a worker thread again.
        return WorkerThreads.call(() -> {
            if (body != null && body.length > MAX_SINGLE_BODY) {
                throw new ProblemException(ProblemType.BODY_TOO_LARGE, "one entry may be at most "
                        + MAX_SINGLE_BODY + " bytes; send large sets to /api/v1/entries/batch", List.of());
            }
            List<FieldError> errors = new ArrayList<>();
            ParsedEntry entry = parser.parse(RequestJson.parse(body), "", service, errors).orElse(null);
            if (entry == null) {
                throw ProblemException.invalid(errors);
            }
            return entry;
        }).flatMap(entry -> Mono.fromFuture(groupCommit.submit(entry), true)).flatMap(outcome -> awaitInclusion
                ? WorkerThreads.call(() -> answer(outcome, withInclusion(outcome.receipts()), true))
                : Mono.just(answer(outcome, outcome.receipts(), false)))
                .doOnTerminate(() -> latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    private static ResponseEntity<Receipt> answer(EntryRecorder.Outcome outcome, List<Receipt> receipts,
                                                  boolean awaited) {
        return ResponseEntity.status(status(outcome, receipts, awaited)).body(receipts.get(0));
    }

    /** The receipts of a batch, in request order. */
    record BatchReceipts(List<Receipt> receipts) {
    }

    /** Records up to {@code ledger.max-batch} entries, all or none. */
    @PostMapping(path = "/api/v1/entries/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<BatchReceipts>> recordBatch(@AuthenticationPrincipal ServicePrincipal service,
                                                    @RequestParam(required = false) String wait,
                                                    @RequestBody(required = false) byte[] body) {
        boolean awaitInclusion = awaitInclusion(wait);
        return blocking(() -> {
            JsonNode root = RequestJson.parse(body);
            List<FieldError> errors = new ArrayList<>();
            if (!root.isObject()) {
                throw ProblemException.invalid(List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "must be an object with \"entries\"")));
            }
            JsonNode list = root.get("entries");
            root.fieldNames().forEachRemaining(name -> {
                if (!name.equals("entries")) {
                    errors.add(new FieldError(FieldError.pointer("", name), "is not a known field"));
                }
            });
            if (list == null || !list.isArray() || list.isEmpty()) {
                errors.add(new FieldError("/entries", "must be a non-empty array of entries"));
                throw ProblemException.invalid(errors);
            }
            if (list.size() > properties.maxBatch()) {
                throw new ProblemException(ProblemType.BATCH_TOO_LARGE, "a batch may hold at most "
                        + properties.maxBatch() + " entries, got " + list.size(),
                        List.of(new FieldError("/entries", "has " + list.size() + " entries, at most "
                                + properties.maxBatch() + " are allowed")));
            }
            List<ParsedEntry> entries = new ArrayList<>(list.size());
            Map<UUID, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                parser.parse(list.get(i), "/entries/" + i, service, errors).ifPresent(entry -> {
                    Integer earlier = firstIndex.putIfAbsent(entry.id(), index);
                    if (earlier != null) {
                        errors.add(new FieldError("/entries/" + index + "/id",
                                "repeats the id of /entries/" + earlier));
                    }
                    entries.add(entry);
                });
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            EntryRecorder.Outcome outcome = recorder.record(entries);
            List<Receipt> receipts = awaitInclusion ? withInclusion(outcome.receipts()) : outcome.receipts();
            return ResponseEntity.status(status(outcome, receipts, awaitInclusion)).body(new BatchReceipts(receipts));
        });
    }

    private static boolean awaitInclusion(String wait) {
        if (wait != null && !wait.equals("inclusion")) {
            throw ProblemException.invalid(List.of(FieldError.parameter("wait", "must be inclusion or left out")));
        }
        return wait != null;
    }

    /**
     * Holds the answer until every entry is in a signed checkpoint (normally within a few hundred
     * milliseconds) and adds its leaf index and C2SP tlog-proof.
     */
    private List<Receipt> withInclusion(List<Receipt> receipts) throws InterruptedException {
        List<Receipt> included = new ArrayList<>(receipts.size());
        long deadline = System.nanoTime() + INCLUSION_TIMEOUT.toNanos();
        for (Receipt receipt : receipts) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            included.add(inclusion.await(receipt.id(), left)
                    .map(p -> receipt.withInclusion(p.index(), p.toText())).orElse(receipt));
        }
        return included;
    }

    /**
     * 201 for new entries, 200 for repeats, 202 when inclusion was awaited but did not happen in
     * time: the entries are recorded, and their proofs can be fetched later.
     */
    private static HttpStatus status(EntryRecorder.Outcome outcome, List<Receipt> receipts, boolean awaited) {
        if (awaited && receipts.stream().anyMatch(r -> r.tlogProof() == null)) {
            return HttpStatus.ACCEPTED;
        }
        return outcome.recordedNew() ? HttpStatus.CREATED : HttpStatus.OK;
    }

    private <T> Mono<T> blocking(Callable<T> work) {
        return WorkerThreads.call(() -> latency.recordCallable(work));
    }
}
