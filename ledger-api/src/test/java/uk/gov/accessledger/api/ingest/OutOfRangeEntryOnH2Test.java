package uk.gov.accessledger.api.ingest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutOfRangeEntryOnH2Test extends OutOfRangeEntryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "out-of-range");
    }
}
