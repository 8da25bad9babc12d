package uk.gov.accessledger.api.fuzz;

/** The read fuzz properties against a ledger on the embedded H2 database. */
class ReadFuzzOnH2Test extends ReadFuzzContract {

    @Override
    FuzzServer.Database database() {
        return FuzzServer.Database.H2;
    }
}
