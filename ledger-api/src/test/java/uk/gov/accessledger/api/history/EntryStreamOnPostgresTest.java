package uk.gov.accessledger.api.history;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The entry stream contract on the real PostgreSQL (required under CI=true). */
class EntryStreamOnPostgresTest extends EntryStreamContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
        streamLimits(registry);
    }
}
