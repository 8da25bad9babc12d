package uk.gov.accessledger.api.log;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when the sequencer stopped on an integrity failure: the log needs a person. The reason is
 * {@code rollback} when the database does not extend a checkpoint already published, else
 * {@code integrity}.
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
        return Health.down().withDetail("reason", failure instanceof LogRollbackException ? "rollback" : "integrity")
                .build();
    }
}
