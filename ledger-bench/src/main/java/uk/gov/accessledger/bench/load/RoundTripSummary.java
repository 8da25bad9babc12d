package uk.gov.accessledger.bench.load;

import java.util.List;

/**
 * The API's PostgreSQL round trips during one ingest phase (see {@link RoundTrips}), in all and
 * by the code that made them, most first.
 */
public record RoundTripSummary(double entries, long roundTrips, double perEntry, List<Caller> byCaller) {

    /** The round trips one caller made: a method of the ledger, Axon's event store, or a commit. */
    public record Caller(String caller, long roundTrips, double perEntry, double meanMs) {
    }
}
