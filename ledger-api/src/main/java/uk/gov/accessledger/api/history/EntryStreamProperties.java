package uk.gov.accessledger.api.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The citizen entry stream's limits ({@code ledger.entry-stream.*}), described in docs/configuration.md.
 *
 * @param maxOpen streams open at once on this node; beyond it a 503 with Retry-After
 * @param maxOpenPerSubject streams one citizen may hold open on this node; beyond it a 429
 * @param pollInterval how often each open stream looks for new entries of its subject
 * @param heartbeatInterval how often an idle stream sends a comment line, so proxies keep it open
 *     and a vanished client is noticed; also the Retry-After given when no stream can be opened
 */
@ConfigurationProperties("ledger.entry-stream")
public record EntryStreamProperties(
        @DefaultValue("1000") int maxOpen,
        @DefaultValue("5") int maxOpenPerSubject,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeatInterval) {

    public EntryStreamProperties {
        if (maxOpen < 1 || maxOpenPerSubject < 1) {
            throw new IllegalArgumentException("couldn't configure entry streams: ledger.entry-stream.max-open and"
                    + " max-open-per-subject must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || heartbeatInterval.isNegative()
                || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("couldn't configure entry streams: poll-interval and"
                    + " heartbeat-interval must be positive");
        }
    }
}
