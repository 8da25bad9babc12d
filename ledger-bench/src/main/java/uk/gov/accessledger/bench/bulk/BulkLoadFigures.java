package uk.gov.accessledger.bench.bulk;

/**
 * How a bulk load went, as bulkload.json holds it (querybench copies it into scale.json).
 *
 * @param generateAndCopySeconds generating the entries and copying their rows in
 * @param indexSeconds rebuilding the tables' keys and indexes afterwards
 * @param totalSeconds everything, migrations and VACUUM ANALYZE included
 * @param databaseBytes the database's size afterwards
 */
public record BulkLoadFigures(long entries, int subjects, double generateAndCopySeconds, double indexSeconds,
        double totalSeconds, long entriesPerSecond, long databaseBytes) {
}
