package uk.gov.accessledger.api.chain;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent repeats of one entry id on PostgreSQL. */
class SameEntryAtOnceOnPostgresTest extends SameEntryAtOnceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }
}
