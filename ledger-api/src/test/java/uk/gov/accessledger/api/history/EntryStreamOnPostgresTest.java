package uk.gov.accessledger.api.history;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The entry stream contract on the real PostgreSQL (required under CI=true). Its context is closed
 * afterwards: cached, its connection pool would stay open beside every later PostgreSQL test's and,
 * with other worktrees' tests on the same server, exhaust its max_connections.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EntryStreamOnPostgresTest extends EntryStreamContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
        streamLimits(registry);
    }
}
