package uk.gov.accessledger.portal.history;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of entry ledger-api serves, by the codes of an entry's {@code kind}
 * (docs/entry-format.md), with the portal's words for each. The portal's one copy of those codes;
 * {@code EntryKindTest} holds it to the documented list.
 */
enum EntryKind {

    ACCESS("access", "Use of your data", "Uses of your data"),
    SHARING_DECISION("sharing-decision", "Sharing decision", "Sharing decisions"),
    CORRECTION("correction", "Correction", "Corrections"),
    CONCERN("concern", "Your concern", "Your concerns");

    private final String code;
    private final String name;
    private final String filterName;

    EntryKind(String code, String name, String filterName) {
        this.code = code;
        this.name = name;
        this.filterName = filterName;
    }

    /** The code in an entry's {@code kind} and in the {@code kind} query parameter. */
    String code() {
        return code;
    }

    /** The kind of one entry, as its page's caption: "Use of your data". */
    String displayName() {
        return name;
    }

    /** The kind as a filter option over many entries: "Uses of your data". */
    String filterName() {
        return filterName;
    }

    /** The kind {@code code} names; empty for null or a code this portal does not know. */
    static Optional<EntryKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
