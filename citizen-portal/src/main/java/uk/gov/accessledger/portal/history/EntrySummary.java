package uk.gov.accessledger.portal.history;

import java.util.ArrayList;
import java.util.List;
import uk.gov.accessledger.portal.ledger.EntryView;

/** The summary list of one entry, in the order a citizen asks: who, what, why, under which law, when. */
final class EntrySummary {

    private EntrySummary() {
    }

    static List<SummaryRow> rows(EntryView e) {
        List<SummaryRow> rows = new ArrayList<>();
        EntryKind.of(e.kind()).ifPresentOrElse(kind -> addRowsOf(kind, e, rows),
                () -> rows.add(SummaryRow.of("When", EntryText.when(e.happenedAt()))));
        rows.add(SummaryRow.of("Recorded in the ledger", EntryText.when(e.recordedAt())));
        return rows;
    }

    /** The rows of an entry of {@code kind}, from who to when. */
    private static void addRowsOf(EntryKind kind, EntryView e, List<SummaryRow> rows) {
        switch (kind) {
            case ACCESS -> {
                rows.add(organisation(e));
                rows.add(service(e));
                rows.add(SummaryRow.of("Staff role", e.text("staffRole"),
                        "We show the role of the person, not their name."));
                EntryView.Label action = e.labelOf(e.text("action"));
                rows.add(SummaryRow.of("What they did", capitalised(e.label(e.text("action"))) + " your data",
                        action == null ? null : action.description()));
                rows.add(categories(e));
                rows.add(purpose(e));
                rows.add(legalBasis(e));
                if (e.text("justification") != null) {
                    rows.add(SummaryRow.of("Reason they gave", e.text("justification")));
                }
                if (e.text("caseReference") != null) {
                    rows.add(SummaryRow.of("Case reference", e.text("caseReference")));
                }
                rows.add(SummaryRow.of("When", EntryText.when(e.happenedAt())));
                rows.add(SummaryRow.of("Emergency access", e.flag("emergency") ? "Yes" : "No",
                        e.flag("emergency") ? "Someone used emergency ('break-glass') access to see your data."
                                : null));
            }
            case SHARING_DECISION -> {
                rows.add(SummaryRow.of("Who asked", e.label(e.text("requestingOrganisation"))));
                rows.add(SummaryRow.of("Who holds the data", e.label(e.text("holdingOrganisation"))));
                rows.add(categories(e));
                rows.add(SummaryRow.of("Decision", capitalised(EntryText.decision(e.text("decision")))));
                rows.add(SummaryRow.of("Decided by", e.text("decidedByRole")));
                rows.add(purpose(e));
                rows.add(legalBasis(e));
                if (e.text("agreement") != null) {
                    EntryView.Label a = e.labelOf(e.text("agreement"));
                    rows.add(SummaryRow.of("Data-sharing agreement", e.label(e.text("agreement")),
                            a == null ? null : a.description()));
                }
                rows.add(SummaryRow.of("When", EntryText.when(e.happenedAt())));
                if (e.text("reviewBy") != null) {
                    rows.add(SummaryRow.of("To be reviewed by", e.text("reviewBy")));
                }
            }
            case CORRECTION -> {
                rows.add(organisation(e));
                rows.add(service(e));
                rows.add(SummaryRow.of("What they did", "supersede".equals(e.text("mode"))
                        ? "Replaced an earlier record" : "Added a note to an earlier record"));
                rows.add(SummaryRow.of("Reason", e.text("reason")));
                rows.add(new SummaryRow("Record corrected", "The earlier record", null,
                        "/entries/" + e.text("corrects"), "See the record that was corrected"));
                rows.add(SummaryRow.of("When", EntryText.when(e.happenedAt())));
            }
            case CONCERN -> {
                rows.add(SummaryRow.of("What you said", e.text("message")));
                rows.add(new SummaryRow("About", "One of your records", null, "/entries/" + e.text("about"),
                        "See the record you raised a concern about"));
                rows.add(SummaryRow.of("When", EntryText.when(e.happenedAt())));
            }
        }
    }

    private static SummaryRow organisation(EntryView e) {
        return SummaryRow.of("Organisation", e.label(e.text("organisation")));
    }

    private static SummaryRow service(EntryView e) {
        EntryView.Label s = e.labelOf(e.text("service"));
        return SummaryRow.of("Service", e.label(e.text("service")), s == null ? null : s.description());
    }

    private static SummaryRow categories(EntryView e) {
        return SummaryRow.of("Your data", capitalised(EntryText.joined(EntryText.categories(e))));
    }

    private static SummaryRow purpose(EntryView e) {
        EntryView.Label p = e.labelOf(e.text("purpose"));
        return SummaryRow.of("Why", p == null ? e.text("purpose") : p.description(),
                p == null ? null : p.label());
    }

    private static SummaryRow legalBasis(EntryView e) {
        EntryView.Label l = e.labelOf(e.text("legalBasis"));
        if (l == null) {
            return SummaryRow.of("Legal basis", e.text("legalBasis"));
        }
        return new SummaryRow("Legal basis", l.label(), l.description(), l.url(),
                "Read the law (opens in a new tab)");
    }

    static String capitalised(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
