package uk.gov.accessledger.api.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's own configuration ({@code ledger.*}); every key is described in docs/configuration.md.
 *
 * @param pseudonymKey base64 key (at least 32 bytes) for subject pseudonyms; no default outside demo
 * @param serviceCredentials file listing service credentials (service code and SHA-256 of secret)
 * @param citizenClaim the verified-token claim that carries the citizen's identifier
 * @param citizenScheme the identifier scheme of that claim
 * @param rolesClaim the verified-token claim listing roles ({@code auditor})
 * @param audience the audience every accepted token must name
 * @param maxBatch the largest batch accepted in one request
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        String pseudonymKey,
        Path serviceCredentials,
        @DefaultValue("nhs_number") String citizenClaim,
        @DefaultValue("nhs-number") String citizenScheme,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("access-ledger") String audience,
        @DefaultValue("1000") int maxBatch) {
}
