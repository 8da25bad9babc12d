package uk.gov.accessledger.api.ingest;

import java.util.List;
import java.util.UUID;
import uk.gov.accessledger.chain.EntryDetails;

/**
 * One valid entry request: the subject already pseudonymised, the details with the recording
 * organisation taken from the credentials, the policy exceptions found, and the SHA-256 of the
 * request's canonical JSON (what "same content" means for idempotency).
 */
public record ParsedEntry(UUID id, String subject, EntryDetails details, List<String> policyExceptions,
                   byte[] requestHash, String pointer) {
}
