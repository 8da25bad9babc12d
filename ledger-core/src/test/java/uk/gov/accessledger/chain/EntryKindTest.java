package uk.gov.accessledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The codes are in signed canonical entries and in the API (docs/entry-format.md): renaming a
 * constant must not change them.
 */
class EntryKindTest {

    @Test
    void entryKindCodesAreTheDocumentedOnesInOrder() {
        assertThat(EntryKind.CODES).containsExactly("access", "sharing-decision", "correction", "concern");
        assertThat(EntryKind.of("sharing-decision")).contains(EntryKind.SHARING_DECISION);
        assertThat(EntryKind.of("Access")).isEmpty();
        assertThat(EntryKind.of(null)).isEmpty();
    }
}
