package uk.gov.accessledger.api.fuzz;

/** The read fuzz properties against a ledger on the real PostgreSQL (required under CI=true). */
class ReadFuzzOnPostgresTest extends ReadFuzzContract {

    @Override
    FuzzServer.Database database() {
        return FuzzServer.Database.POSTGRES;
    }
}
