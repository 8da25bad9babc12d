package uk.gov.accessledger.api.log;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when the sequencer stopped on an integrity failure: the log needs a person. The reason is
 * {@code rollback} (with the published checkpoint's size and the database's) when the database
 * does not extend a checkpoint already published, else {@code integrity}.
 */
@Component("log")
class LogHealth implements HealthIndicator {

    private final LogSequencer sequencer;

    LogHealth(LogSequencer sequencer) {
        this.sequencer = sequencer;
    }

    @Override
    public Health health() {
        LogIntegrityException failure = sequencer.failure();
        if (failure == null) {
            return Health.up().build();
        }
        if (failure instanceof LogRollbackException rollback) {
            // Checkpoint sizes are public (GET /log/checkpoint): safe to show.
            return Health.down().withDetail("reason", "rollback")
                    .withDetail("publishedSize", rollback.published().size())
                    .withDetail("databaseSize", rollback.databaseSize()).build();
        }
        return Health.down().withDetail("reason", "integrity").build();
    }
}
