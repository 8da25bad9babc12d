package uk.gov.accessledger.bench.load;

/**
 * The API's group commits during the single-entry phase, from its ledger_ingest_group_size
 * summary: how many, and the mean single-entry requests per transaction.
 */
public record GroupCommit(long groups, double meanRequestsPerGroup) {
}
