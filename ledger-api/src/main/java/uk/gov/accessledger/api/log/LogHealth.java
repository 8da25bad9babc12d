package uk.gov.accessledger.api.log;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN when the sequencer stopped on an integrity failure: the log needs a person. */
@Component("log")
class LogHealth implements HealthIndicator {

    private final LogSequencer sequencer;

    LogHealth(LogSequencer sequencer) {
        this.sequencer = sequencer;
    }

    @Override
    public Health health() {
        LogIntegrityException failure = sequencer.failure();
        return failure == null ? Health.up().build() : Health.down().withDetail("reason", "integrity").build();
    }
}
