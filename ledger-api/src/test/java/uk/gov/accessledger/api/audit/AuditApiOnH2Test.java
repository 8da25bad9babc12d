package uk.gov.accessledger.api.audit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditApiOnH2Test extends AuditApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "audit");
    }
}
