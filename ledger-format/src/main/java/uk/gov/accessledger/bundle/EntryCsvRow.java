package uk.gov.accessledger.bundle;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import uk.gov.accessledger.entryformat.EntryInstants;

/**
 * The cells of one {@code entries.csv} row that only the exporter knows, such as plain-English
 * labels of codes. The writer adds the other two columns itself: {@code leaf_index} and
 * {@code leaf_hash}, from the entry's leaf index and canonical bytes, so they always match
 * {@code entries.jsonl}.
 *
 * <p>Fields are in column order (see {@link BundleFormat#CSV_COLUMNS}). A {@code null} optional
 * field is an empty cell: a concern has no organisation, only an access has {@code emergency}.
 *
 * @param entryId the entry's {@code id}; requires non-null
 * @param kind the entry's {@code kind}; requires non-null
 * @param recordedAt the entry's {@code recordedAt}; requires non-null
 * @param happenedAt {@code occurredAt} for an access, {@code decidedAt} for a sharing decision,
 *     else {@code recordedAt}; requires non-null
 * @param dataCategories codes, joined with {@code "; "}; {@code null} is taken as empty
 * @param emergency the access's break-glass flag; {@code null} for other kinds
 * @param policyExceptions codes, joined with {@code "; "}; {@code null} is taken as empty
 * @param subject the subject pseudonym; requires non-null
 * @param seq the entry's position in its subject's chain; requires {@code seq >= 0}
 */
public record EntryCsvRow(
        String entryId,
        String kind,
        Instant recordedAt,
        Instant happenedAt,
        String organisation,
        String organisationName,
        String service,
        String serviceName,
        String staffRole,
        String action,
        String actionDescription,
        String purpose,
        String purposeDescription,
        String legalBasis,
        String legalBasisDescription,
        List<String> dataCategories,
        Boolean emergency,
        List<String> policyExceptions,
        String subject,
        long seq) {

    private static final HexFormat HEX = HexFormat.of();

    public EntryCsvRow {
        Objects.requireNonNull(entryId, "requires an entry id");
        Objects.requireNonNull(kind, "requires a kind");
        Objects.requireNonNull(recordedAt, "requires recordedAt");
        Objects.requireNonNull(happenedAt, "requires happenedAt");
        Objects.requireNonNull(subject, "requires a subject");
        if (seq < 0) {
            throw new IllegalArgumentException("requires seq >= 0, got " + seq);
        }
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        policyExceptions = policyExceptions == null ? List.of() : List.copyOf(policyExceptions);
    }

    /** The header record of the CSV, ending in CRLF. */
    public static String csvHeader() {
        StringBuilder line = new StringBuilder();
        CsvRows.append(line, BundleFormat.CSV_COLUMNS);
        return line.toString();
    }

    /**
     * Appends this row to {@code out} as one RFC 4180 record ending in CRLF, cell by cell (an
     * export writes millions of rows, so no list of cells is made on the way). A cell that a
     * spreadsheet would run as a formula is neutralised (docs/export-bundle.md).
     *
     * @param leafIndex null (an empty cell) while the entry has no leaf yet; else requires
     *     {@code leafIndex >= 0}
     */
    public void appendCsvRecord(StringBuilder out, Long leafIndex, byte[] leafHash) {
        if (leafIndex != null && leafIndex < 0) {
            throw new IllegalArgumentException("requires leafIndex >= 0, got " + leafIndex);
        }
        if (leafIndex != null) {
            out.append(leafIndex.longValue());
        }
        CsvRows.next(out, entryId);
        CsvRows.next(out, kind);
        CsvRows.next(out, EntryInstants.format(recordedAt));
        CsvRows.next(out, EntryInstants.format(happenedAt));
        CsvRows.next(out, organisation);
        CsvRows.next(out, organisationName);
        CsvRows.next(out, service);
        CsvRows.next(out, serviceName);
        CsvRows.next(out, staffRole);
        CsvRows.next(out, action);
        CsvRows.next(out, actionDescription);
        CsvRows.next(out, purpose);
        CsvRows.next(out, purposeDescription);
        CsvRows.next(out, legalBasis);
        CsvRows.next(out, legalBasisDescription);
        CsvRows.next(out, String.join(BundleFormat.CSV_VALUE_SEPARATOR, dataCategories));
        CsvRows.next(out, emergency == null ? null : emergency.toString());
        CsvRows.next(out, String.join(BundleFormat.CSV_VALUE_SEPARATOR, policyExceptions));
        CsvRows.next(out, subject);
        out.append(',').append(seq).append(',');
        HEX.formatHex(out, leafHash);
        out.append(BundleFormat.CSV_LINE_END);
    }
}
