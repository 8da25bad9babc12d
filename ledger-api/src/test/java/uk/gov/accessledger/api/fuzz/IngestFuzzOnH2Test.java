package uk.gov.accessledger.api.fuzz;

/** The ingest fuzz properties against a ledger on the embedded H2 database. */
class IngestFuzzOnH2Test extends IngestFuzzContract {

    @Override
    FuzzServer.Database database() {
        return FuzzServer.Database.H2;
    }
}
