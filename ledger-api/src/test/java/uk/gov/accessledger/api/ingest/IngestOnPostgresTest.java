package uk.gov.accessledger.api.ingest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ingest contract on the real PostgreSQL (required under CI=true). */
class IngestOnPostgresTest extends IngestContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }
}
