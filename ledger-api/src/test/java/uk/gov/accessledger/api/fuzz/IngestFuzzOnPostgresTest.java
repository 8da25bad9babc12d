package uk.gov.accessledger.api.fuzz;

/** The ingest fuzz properties against a ledger on the real PostgreSQL (required under CI=true). */
class IngestFuzzOnPostgresTest extends IngestFuzzContract {

    @Override
    FuzzServer.Database database() {
        return FuzzServer.Database.POSTGRES;
    }
}
