package uk.gov.accessledger.portal.history;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of entry ledger-api serves, by the codes of an entry's {@code kind}
 * (docs/entry-format.md), with the portal's words for each. The portal's one copy of those codes;
 * {@code EntryKindTest} holds it to the documented list.
 */
enum EntryKind {

    ACCESS("access"),
    SHARING_DECISION("sharing-decision"),
    CORRECTION("correction"),
    CONCERN("concern");

    /** The code in an entry's {@code kind} and in the {@code kind} query parameter. */
    final String code;

    EntryKind(String code) {
        this.code = code;
    }

    /** The kind of one entry, as its page's caption: "Use of your data". */
    String displayName() {
        return switch (this) {
            case ACCESS -> "Use of your data";
            case SHARING_DECISION -> "Sharing decision";
            case CORRECTION -> "Correction";
            case CONCERN -> "Your concern";
        };
    }

    /** The kind as a filter option over many entries: "Uses of your data". */
    String filterName() {
        return switch (this) {
            case ACCESS -> "Uses of your data";
            case SHARING_DECISION -> "Sharing decisions";
            case CORRECTION -> "Corrections";
            case CONCERN -> "Your concerns";
        };
    }

    /** The kind {@code code} names; empty for null or a code this portal does not know. */
    static Optional<EntryKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
