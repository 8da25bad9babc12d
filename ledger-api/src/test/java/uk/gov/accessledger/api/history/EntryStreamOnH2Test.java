package uk.gov.accessledger.api.history;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The entry stream contract on the embedded default database. */
class EntryStreamOnH2Test extends EntryStreamContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "entry-stream");
        streamLimits(registry);
    }
}
