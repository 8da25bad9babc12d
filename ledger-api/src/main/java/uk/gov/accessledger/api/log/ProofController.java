package uk.gov.accessledger.api.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.web.WholeNumbers;

/**
 * JSON proofs for clients that do not want tiles (public: they hold only hashes). Hashes are
 * standard base64, as in checkpoints; sizes must be covered by the latest checkpoint.
 */
@RestController
class ProofController {

    private final LogProofs proofs;

    ProofController(LogProofs proofs) {
        this.proofs = proofs;
    }

    record InclusionProof(long index, long size, String leafHash, String rootHash, List<String> proof) {
    }

    record ConsistencyProof(long from, long to, String rootHash, List<String> proof) {
    }

    @GetMapping(path = "/api/v1/log/proof/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<InclusionProof> inclusion(@RequestParam Map<String, String> params) {
        return WorkerThreads.call(() -> {
            List<FieldError> errors = new ArrayList<>();
            long index = number(params, "index", errors);
            long size = number(params, "size", errors);
            Optional<SignedCheckpoint> checkpoint = proofs.covering(size);
            long checkpointed = checkpoint.map(SignedCheckpoint::size).orElse(0L);
            if (errors.isEmpty()) {
                if (size < 1 || size > checkpointed) {
                    errors.add(FieldError.parameter("size", "must be between 1 and the latest checkpoint's size "
                            + checkpointed));
                } else if (index >= size) {
                    errors.add(FieldError.parameter("index", "must be less than size " + size));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            LogProofs.LeafProof proof = proofs.leafAndInclusion(index, size);
            return new InclusionProof(index, size, b64(proof.leafHash()), b64(proofs.root(size, checkpoint.get())),
                    proof.proof().stream().map(ProofController::b64).toList());
        });
    }

    @GetMapping(path = "/api/v1/log/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ConsistencyProof> consistency(@RequestParam Map<String, String> params) {
        return WorkerThreads.call(() -> {
            List<FieldError> errors = new ArrayList<>();
            long from = number(params, "from", errors);
            long to = number(params, "to", errors);
            Optional<SignedCheckpoint> checkpoint = proofs.covering(to);
            long checkpointed = checkpoint.map(SignedCheckpoint::size).orElse(0L);
            if (errors.isEmpty()) {
                if (to < 1 || to > checkpointed) {
                    errors.add(FieldError.parameter("to", "must be between 1 and the latest checkpoint's size "
                            + checkpointed));
                } else if (from < 1 || from > to) {
                    errors.add(FieldError.parameter("from", "must be between 1 and to (" + to + ")"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new ConsistencyProof(from, to, b64(proofs.root(to, checkpoint.get())),
                    proofs.consistency(from, to).stream().map(ProofController::b64).toList());
        });
    }

    private static long number(Map<String, String> params, String name, List<FieldError> errors) {
        String value = params.get(name);
        if (value == null) {
            errors.add(FieldError.parameter(name, "is required"));
            return -1;
        }
        try {
            long n = WholeNumbers.parse(value);
            if (n < 0) {
                errors.add(FieldError.parameter(name, "must not be negative"));
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(FieldError.parameter(name, "must be a whole number"));
            return -1;
        }
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
