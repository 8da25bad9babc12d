package uk.gov.accessledger.api.log;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The log's configuration ({@code ledger.log.*}), described in docs/configuration.md.
 *
 * @param origin the checkpoint origin line and signing key name, e.g. {@code ledger.example.gov.uk/log}
 * @param signingKey the signer key ({@code PRIVATE+KEY+...}); when empty, {@code signingKeyFile} is used
 * @param signingKeyFile where the signer key is kept; generated there on first start if missing
 * @param checkpointFile this node's last-checkpoint file ({@link LastCheckpointFile}); when empty,
 *     {@code last-checkpoint} beside {@code signingKeyFile}
 * @param sequenceInterval how often the sequencer looks for new entries
 * @param maxLeavesPerCheckpoint the most entries sequenced into one checkpoint
 * @param reconcileInterval how often the reconciliation checks every entry has a leaf
 * @param lockIdleTimeout on PostgreSQL, how long a transaction holding the log lock may wait for
 *     its node before the database ends its session and frees the lock for another node
 * @param lockWaitTimeout on PostgreSQL, how long a sequencer waits for the log lock before trying again
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(
        @DefaultValue("access-ledger.localhost/log") String origin,
        String signingKey,
        @DefaultValue("./data/log-signing-key") Path signingKeyFile,
        Path checkpointFile,
        @DefaultValue("100ms") Duration sequenceInterval,
        @DefaultValue("20000") int maxLeavesPerCheckpoint,
        @DefaultValue("5m") Duration reconcileInterval,
        @DefaultValue("3s") Duration lockIdleTimeout,
        @DefaultValue("5s") Duration lockWaitTimeout) {

    /** The last-checkpoint file this node keeps. */
    Path lastCheckpointFile() {
        if (checkpointFile != null && !checkpointFile.toString().isBlank()) {
            return checkpointFile;
        }
        return signingKeyFile.toAbsolutePath().resolveSibling("last-checkpoint");
    }
}
