package uk.gov.accessledger.bundle;

import java.util.List;

/** The constants of docs/export-bundle.md, export bundle version 1. */
public final class BundleFormat {

    /** The {@code format} field of {@code manifest.json}. */
    public static final String FORMAT = "access-ledger-export/v1";

    /**
     * The first line of the text of {@code manifest.sig}. Its second line is not a number, so the
     * note can never be read as a checkpoint.
     */
    public static final String MANIFEST_SIGNATURE_HEADER = "access-ledger/export/v1";

    /** What was exported and the SHA-256 of every other file, as RFC 8785 canonical JSON. */
    public static final String MANIFEST_JSON = "manifest.json";

    /** A signed note by the log key naming the SHA-256 of {@link #MANIFEST_JSON}. */
    public static final String MANIFEST_SIG = "manifest.sig";

    /** The log's signed checkpoint at export time. */
    public static final String CHECKPOINT = "checkpoint";

    /** The log's verifier key, one line. */
    public static final String LOG_KEY = "log-key";

    /** One canonical JSON line per entry: canonical bytes, leaf index and inclusion proof. */
    public static final String ENTRIES_JSONL = "entries.jsonl";

    /** The same entries as RFC 4180 CSV for spreadsheets. */
    public static final String ENTRIES_CSV = "entries.csv";

    /** The files {@code manifest.json} lists, in its (sorted) order. */
    public static final List<String> MANIFEST_FILES =
            List.of(CHECKPOINT, ENTRIES_CSV, ENTRIES_JSONL, LOG_KEY);

    /** Every file of a bundle; a bundle holds exactly these. */
    public static final List<String> BUNDLE_FILES =
            List.of(MANIFEST_JSON, MANIFEST_SIG, CHECKPOINT, LOG_KEY, ENTRIES_JSONL, ENTRIES_CSV);

    /** The header row of {@link #ENTRIES_CSV}: its columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of(
            "leaf_index", "entry_id", "kind", "recorded_at", "happened_at", "organisation",
            "organisation_name", "service", "service_name", "staff_role", "action",
            "action_description", "purpose", "purpose_description", "legal_basis",
            "legal_basis_description", "data_categories", "emergency", "policy_exceptions",
            "subject", "seq", "leaf_hash");

    /** How multiple values in one CSV cell (data categories, policy exceptions) are joined. */
    public static final String CSV_VALUE_SEPARATOR = "; ";

    /** RFC 4180 record separator of {@link #ENTRIES_CSV}; every other file ends lines in LF. */
    public static final String CSV_LINE_END = "\r\n";

    /** The media type of a bundle download. */
    public static final String MEDIA_TYPE = "application/zip";

    static final int CSV_LEAF_INDEX = CSV_COLUMNS.indexOf("leaf_index");
    static final int CSV_ENTRY_ID = CSV_COLUMNS.indexOf("entry_id");
    static final int CSV_LEAF_HASH = CSV_COLUMNS.indexOf("leaf_hash");

    private BundleFormat() {
    }
}
