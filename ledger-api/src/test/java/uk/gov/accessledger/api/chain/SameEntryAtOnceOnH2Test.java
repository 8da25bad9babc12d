package uk.gov.accessledger.api.chain;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent repeats of one entry id on the embedded default database. */
class SameEntryAtOnceOnH2Test extends SameEntryAtOnceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "same-entry");
    }
}
