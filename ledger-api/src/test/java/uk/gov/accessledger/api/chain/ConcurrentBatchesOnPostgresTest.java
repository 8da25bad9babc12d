package uk.gov.accessledger.api.chain;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent batches for one subject on the real PostgreSQL (required under CI=true). */
class ConcurrentBatchesOnPostgresTest extends ConcurrentBatchesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }
}
