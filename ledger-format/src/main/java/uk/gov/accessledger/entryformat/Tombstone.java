package uk.gov.accessledger.entryformat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * What is stored in place of a format 1 entry whose content has been erased
 * (docs/entry-format.md, "Tombstones"): the canonical JSON
 * {@code {"leafHash":"…","prev":"…","seq":n,"subject":"…","tombstone":1}}, {@code prev} absent
 * at seq 0. A format 1 leaf contains its content, so erasing the content means deleting the
 * leaf's bytes; the tombstone keeps what the log and the chain need from them.
 *
 * <p>A tombstone's leaf hash is its {@code leafHash} member, never the hash of its own bytes:
 * verifiers use it for inclusion proofs and for the next entry's {@code prev}, and report the
 * entry as "content erased". {@code subject}, {@code seq} and {@code prev} are the erased
 * entry's, kept so that the chain can be walked; they were inside the hashed bytes, so nothing
 * but the neighbouring links vouches for them any more.
 *
 * <p>Invariants: {@code leafHash}, {@code subject} and {@code prev} are 32 bytes (64 lowercase
 * hex digits); {@code 0 <= seq <= 2^53 - 1}; {@code prev} present exactly when {@code seq > 0}.
 * Immutable. Format 2 entries never get a tombstone: their leaves hold no content.
 */
public final class Tombstone {

    /** The value of the {@code tombstone} member: this tombstone format's version. */
    public static final int TOMBSTONE_VERSION = 1;

    static final String FORMAT = "tombstone";

    private static final String FORMAT_1 = "format 1 entry";
    private static final Set<String> MEMBERS = Set.of("tombstone", "subject", "seq", "prev", "leafHash");
    private static final Pattern SUBJECT = Pattern.compile("[0-9a-f]{64}");
    private static final String ABSENT = "absent";
    private static final byte[] PREFIX = "{\"leafHash\":\"".getBytes(StandardCharsets.US_ASCII);

    private final String subject;
    private final long seq;
    private final byte[] prev;
    private final byte[] leafHash;

    private Tombstone(String subject, long seq, byte[] prev, byte[] leafHash) {
        this.subject = subject;
        this.seq = seq;
        this.prev = prev;
        this.leafHash = leafHash;
    }

    /**
     * The tombstone of a stored format 1 entry: its subject, seq and prev, and the leaf hash of
     * {@code format1Bytes} exactly as stored.
     *
     * @param format1Bytes requires the stored bytes of a format 1 entry: strict JSON with
     *     {@code "v":1}, a subject of 64 lowercase hex digits, a seq and a prev as the chain has them
     * @throws EntryFormatException if {@code format1Bytes} are not those of a format 1 entry
     */
    public static Tombstone of(byte[] format1Bytes) {
        StrictObject entry = format1Entry(format1Bytes);
        long seq = entry.safeInteger("seq");
        return new Tombstone(entry.string("subject", SUBJECT, "64 lowercase hex digits"), seq, entry.prev(seq),
                Rfc6962Hasher.DEFAULT.hashLeaf(format1Bytes));
    }

    /**
     * Reads a stored tombstone: its canonical JSON exactly, with no unknown, missing or mistyped
     * member.
     *
     * @throws EntryFormatException naming the JSON Pointer of the first fault
     */
    public static Tombstone parse(byte[] bytes) {
        return StrictObject.read(FORMAT, bytes, tombstone -> {
            tombstone.onlyMembers(MEMBERS);
            tombstone.exactly("tombstone", TOMBSTONE_VERSION);
            String subject = tombstone.string("subject", SUBJECT, "64 lowercase hex digits");
            long seq = tombstone.safeInteger("seq");
            byte[] prev = tombstone.prev(seq);
            return new Tombstone(subject, seq, prev, tombstone.hash("leafHash"));
        });
    }

    /**
     * Whether stored leaf bytes are a tombstone rather than an entry: they begin with the bytes
     * {@code {"leafHash":"}, as a tombstone's canonical JSON does and no entry's can (no entry
     * has a {@code leafHash} member, and canonical JSON sorts members). A byte test, so that a
     * verifier of millions of leaves parses only tombstones twice.
     */
    public static boolean isTombstone(byte[] stored) {
        if (stored.length < PREFIX.length) {
            return false;
        }
        return Arrays.equals(stored, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
    }

    /**
     * The leaf hash a verifier uses for stored leaf bytes: a tombstone's {@code leafHash}, or
     * {@code SHA-256(0x00 || stored)} for an entry of either format.
     *
     * @throws EntryFormatException if {@code stored} begins as a tombstone but is not one
     */
    public static byte[] storedLeafHash(byte[] stored) {
        return isTombstone(stored) ? parse(stored).leafHash : Rfc6962Hasher.DEFAULT.hashLeaf(stored);
    }

    /**
     * Checks that this tombstone stands for the format 1 entry {@code format1Bytes}, for a
     * verifier that kept the entry from before the erasure (an old export, a citizen's download).
     *
     * @throws TombstoneMismatchException if the entry's leaf hash, subject, seq or prev differs
     * @throws EntryFormatException if {@code format1Bytes} are not those of a format 1 entry
     */
    public void verifyAgainst(byte[] format1Bytes) throws TombstoneMismatchException {
        Tombstone entry = of(format1Bytes);
        check("leafHash", hex(entry.leafHash), hex(leafHash));
        check("subject", entry.subject, subject);
        check("seq", Long.toString(entry.seq), Long.toString(seq));
        check("prev", entry.prev == null ? ABSENT : hex(entry.prev), prev == null ? ABSENT : hex(prev));
    }

    /** The tombstone's stored bytes: its RFC 8785 canonical JSON. */
    public byte[] canonicalBytes() {
        ObjectNode tombstone = JsonNodeFactory.instance.objectNode();
        tombstone.put("tombstone", TOMBSTONE_VERSION);
        tombstone.put("subject", subject);
        tombstone.put("seq", seq);
        if (prev != null) {
            tombstone.put("prev", hex(prev));
        }
        tombstone.put("leafHash", hex(leafHash));
        return CanonicalJson.canonicalize(tombstone);
    }

    /** A copy of the erased entry's leaf hash: the leaf hash verifiers use for this tombstone. */
    public byte[] leafHash() {
        return leafHash.clone();
    }

    public String subject() {
        return subject;
    }

    public long seq() {
        return seq;
    }

    /** A copy of the erased entry's prev; empty at seq 0. */
    public Optional<byte[]> prev() {
        return Optional.ofNullable(prev).map(byte[]::clone);
    }

    private static StrictObject format1Entry(byte[] bytes) {
        StrictObject entry = StrictObject.of(FORMAT_1, StrictObject.tree(FORMAT_1, bytes), "");
        entry.exactly("v", 1);
        return entry;
    }

    private static void check(String member, String got, String want) throws TombstoneMismatchException {
        if (!got.equals(want)) {
            throw new TombstoneMismatchException(member, got, want);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tombstone other && Arrays.equals(canonicalBytes(), other.canonicalBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonicalBytes());
    }

    @Override
    public String toString() {
        return "Tombstone[subject=" + subject + ", seq=" + seq + ", leafHash=" + hex(leafHash) + "]";
    }
}
