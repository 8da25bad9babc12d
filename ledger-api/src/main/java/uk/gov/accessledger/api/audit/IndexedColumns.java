package uk.gov.accessledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import uk.gov.accessledger.entryformat.EntryInstants;

/**
 * The columns of {@code ledger_entry} that queries filter, sort and answer by, each compared with
 * the value the entry's canonical bytes give it, as the projection derives it: the kind's fields
 * by name, {@code refers_to} from {@code corrects} or {@code about}, {@code happened_at} from
 * {@code occurredAt}, {@code decidedAt} or else {@code recordedAt}. (Id, subject, seq and prev are
 * compared with the chain.)
 */
final class IndexedColumns {

    /** The columns compared, selected after the chain's own. */
    static final String SELECT = "kind, organisation, service, purpose, legal_basis, action, refers_to,"
            + " happened_at, recorded_at, disclose_after, policy_exception";

    private IndexedColumns() {
    }

    /** One "column X is A, the canonical bytes give B" for each column that disagrees; empty if none. */
    static List<String> mismatches(ResultSet rs, JsonNode entry) throws SQLException {
        List<String> found = new ArrayList<>();
        compare(found, "kind", rs.getString("kind"), text(entry, "kind"));
        compare(found, "organisation", rs.getString("organisation"), text(entry, "organisation"));
        compare(found, "service", rs.getString("service"), text(entry, "service"));
        compare(found, "purpose", rs.getString("purpose"), text(entry, "purpose"));
        compare(found, "legal_basis", rs.getString("legal_basis"), text(entry, "legalBasis"));
        compare(found, "action", rs.getString("action"), text(entry, "action"));
        String refersTo = text(entry, "corrects") != null ? text(entry, "corrects") : text(entry, "about");
        UUID refersToColumn = rs.getObject("refers_to", UUID.class);
        compare(found, "refers_to", refersToColumn == null ? null : refersToColumn.toString(), refersTo);
        String happened = text(entry, "occurredAt") != null ? text(entry, "occurredAt")
                : text(entry, "decidedAt") != null ? text(entry, "decidedAt") : text(entry, "recordedAt");
        compare(found, "happened_at", instant(rs, "happened_at"), instant(happened));
        compare(found, "recorded_at", instant(rs, "recorded_at"), instant(text(entry, "recordedAt")));
        LocalDate discloseAfter = rs.getObject("disclose_after", LocalDate.class);
        compare(found, "disclose_after", discloseAfter == null ? null : discloseAfter.toString(),
                text(entry, "discloseAfter"));
        compare(found, "policy_exception", String.valueOf(rs.getBoolean("policy_exception")),
                String.valueOf(!entry.path("policyExceptions").isEmpty()));
        return found;
    }

    private static void compare(List<String> found, String column, String stored, String canonical) {
        if (!Objects.equals(stored, canonical)) {
            found.add("column " + column + " is " + (stored == null ? "empty" : stored) + ", the canonical bytes give "
                    + (canonical == null ? "none" : canonical));
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The column as an entry writes instants; read without {@link Timestamp}'s Julian calendar. */
    private static String instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : EntryInstants.format(value.toInstant());
    }

    /** The canonical text in the same form, or the text itself if it is no instant. */
    private static String instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return EntryInstants.format(EntryInstants.parse(text));
        } catch (DateTimeException e) {
            return text;
        }
    }
}
