package uk.gov.accessledger.api.log;

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
import uk.gov.accessledger.api.web.QueryParameters;

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
            QueryParameters query = QueryParameters.of(params);
            long index = query.wholeNumber("index");
            long size = query.wholeNumber("size");
            Optional<SignedCheckpoint> checkpoint = proofs.covering(size);
            long checkpointed = checkpoint.map(SignedCheckpoint::size).orElse(0L);
            if (query.valid()) {
                if (size < 1 || size > checkpointed) {
                    query.reject("size", "must be between 1 and the latest checkpoint's size " + checkpointed);
                } else if (index >= size) {
                    query.reject("index", "must be less than size " + size);
                }
            }
            query.check();
            LogProofs.LeafProof proof = proofs.leafAndInclusion(index, size);
            return new InclusionProof(index, size, b64(proof.leafHash()), b64(proofs.root(size, checkpoint.get())),
                    proof.proof().stream().map(ProofController::b64).toList());
        });
    }

    @GetMapping(path = "/api/v1/log/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ConsistencyProof> consistency(@RequestParam Map<String, String> params) {
        return WorkerThreads.call(() -> {
            QueryParameters query = QueryParameters.of(params);
            long from = query.wholeNumber("from");
            long to = query.wholeNumber("to");
            Optional<SignedCheckpoint> checkpoint = proofs.covering(to);
            long checkpointed = checkpoint.map(SignedCheckpoint::size).orElse(0L);
            if (query.valid()) {
                if (to < 1 || to > checkpointed) {
                    query.reject("to", "must be between 1 and the latest checkpoint's size " + checkpointed);
                } else if (from < 1 || from > to) {
                    query.reject("from", "must be between 1 and to (" + to + ")");
                }
            }
            query.check();
            return new ConsistencyProof(from, to, b64(proofs.root(to, checkpoint.get())),
                    proofs.consistency(from, to).stream().map(ProofController::b64).toList());
        });
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
