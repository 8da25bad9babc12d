package uk.gov.accessledger.api.ingest;

import java.time.Instant;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutOfRangeEntryOnPostgresTest extends OutOfRangeEntryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }

    /**
     * PostgreSQL refuses the wrapped-round year +169108099 (the old code answered 503), but stores
     * year 0, shifted by the Julian calendar that {@code java.sql.Timestamp} uses before 1582.
     */
    @Override
    Instant outOfRange() {
        return Instant.parse("0000-01-01T00:00:00Z");
    }
}
