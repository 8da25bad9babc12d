package uk.gov.accessledger.bench.shared;

import org.flywaydb.core.Flyway;

/**
 * The ledger's schema: ledger-api's own Flyway migrations, which the build puts on this module's
 * class path under {@code db/migration} (see the pom), so the bulk loader and the tests create
 * exactly the tables the API runs on.
 */
public final class LedgerSchema {

    /** Where the migrations are on the class path. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private LedgerSchema() {
    }

    /** Runs the migrations on the database at {@code url}; requires it to hold no entries yet. */
    public static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations(MIGRATIONS).load().migrate();
    }
}
