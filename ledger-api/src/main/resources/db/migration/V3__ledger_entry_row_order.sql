-- Auditor exports (LedgerEntries.stream) and the paged audit queries (LedgerEntries.matching)
-- read ledger_entry in row_id order. Without an index on row_id PostgreSQL must sort the whole
-- table before the first row of an unfiltered export leaves: at 10 M entries a multi-gigabyte
-- sort on disk per request. row_id grows with insertion, so an index scan in its order also
-- reads the table nearly sequentially. Runs unchanged on PostgreSQL and on H2.
CREATE INDEX ledger_entry_row_id ON ledger_entry (row_id);
