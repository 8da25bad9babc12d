package uk.gov.accessledger.portal.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks an entry the way docs/entry-format.md says a verifier must: from the exact canonical
 * bytes, never from the parsed copy. It recomputes the leaf hash, reads id, sequence number and
 * previous-entry hash from the bytes, and checks the links to both chain neighbours.
 */
public final class GenuinenessCheck {

    /** RFC 6962 section 2.1: a leaf hash is SHA-256 of 0x00 followed by the leaf's bytes. */
    static final byte RFC6962_LEAF_PREFIX = 0x00;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One check in plain English, with what was expected and what was found. */
    public record Check(String what, boolean passed, String detail) {
    }

    /** The checks, in the order a citizen reads them; every one must pass for "genuine". */
    public record Result(List<Check> checks) {
        public boolean genuine() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
        }
    }

    private GenuinenessCheck() {
    }

    public static Result of(EntryInContext detail) {
        List<Check> checks = new ArrayList<>();
        EntryView e = detail.entry();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(e.canonical());
        } catch (IllegalArgumentException | NullPointerException ex) {
            checks.add(new Check("The record's stored bytes could be read", false, "they are not valid base64"));
            return new Result(checks);
        }
        String computed = leafHash(bytes);
        checks.add(new Check("The record's fingerprint matches its contents",
                computed.equals(e.leafHash()),
                "fingerprint (SHA-256 leaf hash) recomputed from the stored bytes: " + computed
                        + "; the ledger says " + e.leafHash()));
        JsonNode stored;
        try {
            stored = JSON.readTree(bytes);
        } catch (JacksonException ex) {
            checks.add(new Check("The stored bytes are a record", false, "they are not JSON"));
            return new Result(checks);
        }
        boolean sameFacts = e.id() != null && e.id().toString().equals(stored.path("id").asString(""))
                && stored.path("seq").asLong(-1) == e.seq()
                && Objects.equals(stored.hasNonNull("prev") ? stored.get("prev").asString("") : null, e.prev())
                && stored.equals(e.entry());
        checks.add(new Check("What this page shows is what was recorded", sameFacts,
                "the entry shown, its id, position " + e.seq() + " and link are the ones in the fingerprinted bytes"));
        if (e.seq() == 0) {
            checks.add(new Check("It is the first record about you, with nothing before it",
                    e.prev() == null && detail.previous() == null, "position 0 has no previous record"));
        } else {
            EntryInContext.Neighbour p = detail.previous();
            boolean linked = p != null && p.seq() == e.seq() - 1 && Objects.equals(p.leafHash(), e.prev());
            checks.add(new Check("It links to the record before it", linked,
                    "record " + (e.seq() - 1) + " has fingerprint " + (p == null ? "(missing)" : p.leafHash())
                            + "; this record names " + e.prev()));
        }
        EntryInContext.Neighbour n = detail.next();
        if (n == null) {
            checks.add(new Check("It is the latest record about you", true, "no record comes after it yet"));
        } else {
            boolean linked = n.seq() == e.seq() + 1 && computed.equals(n.prev());
            checks.add(new Check("The record after it links back to it", linked,
                    "record " + n.seq() + " names " + n.prev() + " as the fingerprint before it"));
        }
        return new Result(checks);
    }

    /** Requires bytes non-null. The RFC 6962 leaf hash as 64 lowercase hex digits. */
    static String leafHash(byte[] bytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(RFC6962_LEAF_PREFIX);
            return HexFormat.of().formatHex(sha256.digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("couldn't hash: the JDK has no SHA-256", ex);
        }
    }
}
