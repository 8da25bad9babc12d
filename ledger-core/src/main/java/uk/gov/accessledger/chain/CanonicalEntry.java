package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The canonical form of an entry (format version {@value #FORMAT_VERSION}): a JSON object with
 * the envelope fields {@code v, kind, id, subject, seq, prev (absent at seq 0), recordedAt,
 * policyExceptions, referenceData} and the kind's own fields, serialised as RFC 8785 canonical
 * JSON. Hashes are lowercase hex; instants are UTC with milliseconds
 * ({@link EntryInstants}); dates are ISO 8601 ({@code 2027-01-31}).
 */
public final class CanonicalEntry {

    public static final int FORMAT_VERSION = 1;

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;

    private CanonicalEntry() {
    }

    /** The canonical bytes of an entry at position {@code seq} after {@code prev}. */
    public static byte[] encode(String subject, long seq, byte[] prev, EntryProposal proposal, EntryDetails details) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("v", FORMAT_VERSION);
        entry.put("kind", details.kind());
        entry.put("id", proposal.entryId().toString());
        entry.put("subject", subject);
        entry.put("seq", seq);
        if (prev != null) {
            entry.put("prev", HexFormat.of().formatHex(prev));
        }
        entry.put("recordedAt", EntryInstants.format(proposal.recordedAt()));
        putStrings(entry, "policyExceptions", proposal.policyExceptions());
        entry.put("referenceData", proposal.referenceDataVersion());
        details.writeTo(entry);
        return CanonicalJson.canonicalize(entry);
    }

    /** RFC 6962 leaf hash of canonical entry bytes. */
    public static byte[] leafHash(byte[] canonical) {
        return HASHER.hashLeaf(canonical);
    }

    static void putIfPresent(ObjectNode entry, String field, String value) {
        if (value != null) {
            entry.put(field, value);
        }
    }

    static void putStrings(ObjectNode entry, String field, List<String> values) {
        ArrayNode array = entry.putArray(field);
        values.forEach(array::add);
    }
}
