package uk.gov.accessledger.chain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of entry, each with the code that names it in the canonical form ({@code kind}),
 * in requests and in query parameters (docs/entry-format.md). The one definition of those codes.
 */
public enum EntryKind {

    /** A service used the subject's data ({@link AccessDetails}). */
    ACCESS("access"),
    /** An organisation decided on sharing the subject's data ({@link SharingDecisionDetails}). */
    SHARING_DECISION("sharing-decision"),
    /** A service corrected or withdrew one of its entries ({@link CorrectionDetails}). */
    CORRECTION("correction"),
    /** The subject raised a concern about one of their entries ({@link ConcernDetails}). */
    CONCERN("concern");

    /** Every code, in declaration order. */
    public static final List<String> CODES = Arrays.stream(values()).map(EntryKind::code).toList();

    private final String code;

    EntryKind(String code) {
        this.code = code;
    }

    /** The code in the canonical form, e.g. {@code sharing-decision}. */
    public String code() {
        return code;
    }

    /** The kind {@code code} names; empty for null or any other text. */
    public static Optional<EntryKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
