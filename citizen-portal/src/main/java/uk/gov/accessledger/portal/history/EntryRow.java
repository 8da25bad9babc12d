package uk.gov.accessledger.portal.history;

import uk.gov.accessledger.portal.ledger.EntryView;

/** One line of the history list; {@code seq} is the entry's place in the citizen's chain. */
public record EntryRow(String id, long seq, String when, String kind, String headline, String organisation,
                       String purpose, boolean emergency, boolean policyException) {

    static EntryRow of(EntryView e) {
        String purpose = e.text("purpose") == null ? "" : e.label(e.text("purpose"));
        return new EntryRow(e.id().toString(), e.seq(), EntryText.when(e.happenedAt()), EntryText.kindName(e.kind()),
                EntryText.headline(e), EntryText.organisation(e), purpose, e.flag("emergency"), e.policyException());
    }
}
