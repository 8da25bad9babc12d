package uk.gov.accessledger.portal.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.accessledger.portal.ledger.EntryView;

/** Plain-English sentences about an entry, built from its codes' labels (never from raw codes). */
final class EntryText {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private EntryText() {
    }

    /** "25 November 2026 at 9:30am", in UK time. */
    static String when(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(UK)).replace("AM", "am").replace("PM", "pm");
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(UK));
    }

    /** The kind's name, or the code itself for a kind this portal does not know. */
    static String kindName(String kind) {
        return EntryKind.of(kind).map(EntryKind::displayName).orElse(kind);
    }

    /** The data categories, as "your health record and prescriptions". */
    static List<String> categories(EntryView e) {
        List<String> names = new ArrayList<>();
        e.entry().path("dataCategories").forEach(c -> names.add(e.label(c.asString(""))));
        return names;
    }

    static String joined(List<String> items) {
        List<String> lower = items.stream().map(s -> s.isEmpty() ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1)).toList();
        if (lower.isEmpty()) {
            return "";
        }
        if (lower.size() == 1) {
            return lower.get(0);
        }
        return String.join(", ", lower.subList(0, lower.size() - 1)) + " and " + lower.get(lower.size() - 1);
    }

    /** One sentence saying what happened, e.g. "Riverside Medical Practice looked at your health record". */
    static String headline(EntryView e) {
        return EntryKind.of(e.kind()).map(kind -> switch (kind) {
            case ACCESS -> e.label(e.text("organisation")) + " " + e.label(e.text("action")) + " your "
                    + joined(categories(e));
            case SHARING_DECISION -> e.label(e.text("requestingOrganisation")) + " asked "
                    + e.label(e.text("holdingOrganisation")) + " for your " + joined(categories(e)) + ": "
                    + decision(e.text("decision"));
            case CORRECTION -> e.label(e.text("organisation")) + " corrected an earlier record";
            case CONCERN -> "You raised a concern about a record";
        }).orElse(e.kind());
    }

    static String decision(String decision) {
        return decision == null ? "" : switch (decision) {
            case "approved" -> "approved";
            case "refused" -> "refused";
            case "revoked" -> "approved, then revoked";
            default -> decision;
        };
    }

    /** Who did it, for the list's "Organisation" column; an unknown kind names its organisation. */
    static String organisation(EntryView e) {
        return switch (EntryKind.of(e.kind()).orElse(EntryKind.ACCESS)) {
            case SHARING_DECISION -> e.label(e.text("holdingOrganisation"));
            case CONCERN -> "You";
            case ACCESS, CORRECTION -> e.label(e.text("organisation"));
        };
    }
}
