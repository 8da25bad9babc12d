package uk.gov.accessledger.api.ingest;

import java.time.Instant;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutOfRangeEntryOnH2Test extends OutOfRangeEntryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "out-of-range");
    }

    /** The issue's: {@code Timestamp.from} wraps it round to year +169108099, which H2 stores. */
    @Override
    Instant outOfRange() {
        return Instant.parse("-999999999-01-01T00:00:00Z");
    }
}
