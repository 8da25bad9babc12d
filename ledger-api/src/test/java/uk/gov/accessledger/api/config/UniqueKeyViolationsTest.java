package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** Which append failures Axon must treat as a chain conflict (and the recorder then retries). */
class UniqueKeyViolationsTest {

    private final UniqueKeyViolations resolver = new UniqueKeyViolations();

    @Test
    void recognisesAUniqueViolationCarriedAsTheNextExceptionOfABatch() {
        // What PostgreSQL's driver and H2 throw when a batched append takes a chain position twice.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry",
                "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("append failed", batch))).isTrue();

        BatchUpdateException stateOnlyOnTheNext = new BatchUpdateException("batch failed", new int[0]);
        stateOnlyOnTheNext.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(stateOnlyOnTheNext)).isTrue();
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("foreign key", "23503"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection lost", "08006"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL here"))).isFalse();
    }
}
