package uk.gov.accessledger.api.ingest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ingest contract on the embedded default database. */
class IngestOnH2Test extends IngestContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "ingest");
    }
}
