package uk.gov.accessledger.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

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
     * This row as one RFC 4180 record ending in CRLF, for CSV exports outside a bundle;
     * {@code leafIndex} is null (an empty cell) while the entry has no leaf yet.
     */
    public String toCsvRecord(Long leafIndex, byte[] leafHash) {
        List<String> cells = cells(leafIndex == null ? 0 : leafIndex, HexFormat.of().formatHex(leafHash));
        if (leafIndex == null) {
            cells.set(BundleFormat.CSV_LEAF_INDEX, "");
        }
        StringBuilder line = new StringBuilder();
        CsvRows.append(line, cells);
        return line.toString();
    }

    /** The row's cells in {@link BundleFormat#CSV_COLUMNS} order, not yet quoted. */
    List<String> cells(long leafIndex, String leafHashHex) {
        List<String> cells = new ArrayList<>(BundleFormat.CSV_COLUMNS.size());
        cells.add(Long.toString(leafIndex));
        cells.add(entryId);
        cells.add(kind);
        cells.add(BundleFormat.instant(recordedAt));
        cells.add(BundleFormat.instant(happenedAt));
        cells.add(orEmpty(organisation));
        cells.add(orEmpty(organisationName));
        cells.add(orEmpty(service));
        cells.add(orEmpty(serviceName));
        cells.add(orEmpty(staffRole));
        cells.add(orEmpty(action));
        cells.add(orEmpty(actionDescription));
        cells.add(orEmpty(purpose));
        cells.add(orEmpty(purposeDescription));
        cells.add(orEmpty(legalBasis));
        cells.add(orEmpty(legalBasisDescription));
        cells.add(String.join(BundleFormat.CSV_VALUE_SEPARATOR, dataCategories));
        cells.add(emergency == null ? "" : emergency.toString());
        cells.add(String.join(BundleFormat.CSV_VALUE_SEPARATOR, policyExceptions));
        cells.add(subject);
        cells.add(Long.toString(seq));
        cells.add(leafHashHex);
        return cells;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
