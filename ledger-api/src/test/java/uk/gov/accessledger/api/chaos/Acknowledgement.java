package uk.gov.accessledger.api.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One entry the ledger acknowledged (201 or 200 with a receipt), as the client got it: the
 * receipt's fields, and which node answered with what status.
 */
record Acknowledgement(UUID id, long seq, String leafHash, String recordedAt, String signedNote, int receiptIndex,
                       List<String> receiptProof, String node, int status) {

    /** Requires {@code receipt} to be a receipt as ledger-api sends it; throws if a field is missing. */
    static Acknowledgement of(JsonNode receipt, String node, int status) {
        List<String> proof = new ArrayList<>();
        receipt.get("receiptProof").forEach(h -> proof.add(h.asString()));
        return new Acknowledgement(UUID.fromString(receipt.get("id").asString()), receipt.get("seq").asLong(),
                receipt.get("leafHash").asString(), receipt.get("recordedAt").asString(),
                receipt.get("signedNote").asString(), receipt.get("receiptIndex").asInt(), List.copyOf(proof), node,
                status);
    }

    /** Two acknowledgements of one id must name the same entry: the same place in its chain and leaf. */
    boolean sameEntryAs(Acknowledgement other) {
        return id.equals(other.id) && seq == other.seq && leafHash.equals(other.leafHash)
                && Instant.parse(recordedAt).equals(Instant.parse(other.recordedAt));
    }
}
