package uk.gov.accessledger.api.ingest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutOfRangeEntryOnPostgresTest extends OutOfRangeEntryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }
}
