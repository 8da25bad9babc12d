package uk.gov.accessledger.api.chain;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent batches for one subject on the embedded H2 database. */
class ConcurrentBatchesOnH2Test extends ConcurrentBatchesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "concurrent-batches");
    }
}
