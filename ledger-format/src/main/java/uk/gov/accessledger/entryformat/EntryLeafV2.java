package uk.gov.accessledger.entryformat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The leaf of a format 2 entry (docs/entry-format.md, "Entry format, version 2"): the RFC 8785
 * canonical JSON object of exactly {@code v} (2), {@code subject}, {@code seq}, {@code prev}
 * (absent at seq 0, required after), {@code kind}, {@code recordedAt} and {@code commitment},
 * the commitment to the entry's personal content ({@link ContentOpening}). Nothing else: the
 * leaf is kept for ever, so it holds nothing that says what was done with the subject's data.
 *
 * <p>Invariants: {@code subject}, {@code prev} and {@code commitment} are 32 bytes written as 64
 * lowercase hex digits; {@code 0 <= seq <= 2^53 - 1}; {@code prev} is present exactly when
 * {@code seq > 0}; {@code kind} is lowercase words joined by hyphens, at most 32 characters;
 * {@code recordedAt} has millisecond precision and a year from 0000 to 9999. Immutable.
 */
public final class EntryLeafV2 {

    /** The value of {@code v} in every format 2 leaf. */
    public static final int FORMAT_VERSION = 2;

    static final String FORMAT = "format 2 leaf";
    /** The members of a leaf; a content opening may use none of these names. */
    static final Set<String> MEMBERS = Set.of("v", "subject", "seq", "prev", "kind", "recordedAt", "commitment");

    private static final Pattern SUBJECT = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KIND = Pattern.compile("(?=.{1,32}$)[a-z]+(-[a-z]+)*");
    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");
    private static final Instant YEAR_0 = Instant.parse("0000-01-01T00:00:00Z");

    private final String subject;
    private final long seq;
    private final byte[] prev;
    private final String kind;
    private final Instant recordedAt;
    private final byte[] commitment;

    private EntryLeafV2(String subject, long seq, byte[] prev, String kind, Instant recordedAt, byte[] commitment) {
        this.subject = subject;
        this.seq = seq;
        this.prev = prev;
        this.kind = kind;
        this.recordedAt = recordedAt;
        this.commitment = commitment;
    }

    /**
     * The leaf of the entry at {@code seq} in {@code subject}'s chain.
     *
     * @param subject requires 64 lowercase hex digits (see docs/vrf.md for how it is derived)
     * @param seq requires {@code 0 <= seq <= 2^53 - 1}
     * @param prev the leaf hash of the entry at {@code seq - 1}, of either format: requires
     *     {@code null} when {@code seq == 0} and 32 bytes otherwise
     * @param kind requires lowercase words joined by hyphens, 1 to 32 characters
     * @param recordedAt requires a year from 0000 to 9999; finer digits than milliseconds are
     *     dropped, as entries write instants
     * @param commitment requires the 32 bytes of {@link ContentOpening#commitment()}
     * @throws IllegalArgumentException if a precondition does not hold
     */
    public static EntryLeafV2 of(String subject, long seq, byte[] prev, String kind, Instant recordedAt,
            byte[] commitment) {
        require(subject != null && SUBJECT.matcher(subject).matches(), "subject of 64 lowercase hex digits");
        require(seq >= 0 && seq <= StrictObject.MAX_SAFE_INTEGER, "0 <= seq <= 2^53 - 1: got " + seq);
        require(seq == 0 ? prev == null : prev != null && prev.length == Rfc6962Hasher.HASH_SIZE,
                "prev absent at seq 0 and of 32 bytes after it");
        require(kind != null && KIND.matcher(kind).matches(), "kind of lowercase words joined by hyphens");
        Objects.requireNonNull(recordedAt, "requires recordedAt");
        require(!recordedAt.isBefore(YEAR_0) && recordedAt.isBefore(YEAR_10000), "recordedAt in years 0000 to 9999");
        require(commitment != null && commitment.length == ContentCommitment.SIZE, "commitment of 32 bytes");
        return new EntryLeafV2(subject, seq, prev == null ? null : prev.clone(), kind,
                recordedAt.truncatedTo(ChronoUnit.MILLIS), commitment.clone());
    }

    /**
     * Reads a stored leaf. The bytes must be the canonical JSON of a format 2 leaf exactly: no
     * unknown, missing or mistyped member, no other spelling of any value.
     *
     * @throws EntryFormatException naming the JSON Pointer of the first fault
     */
    public static EntryLeafV2 parse(byte[] bytes) {
        return StrictObject.read(FORMAT, bytes, leaf -> {
            leaf.onlyMembers(MEMBERS);
            leaf.exactly("v", FORMAT_VERSION);
            String subject = leaf.string("subject", SUBJECT, "64 lowercase hex digits");
            long seq = leaf.safeInteger("seq");
            byte[] prev = leaf.prev(seq);
            String kind = leaf.string("kind", KIND, "lowercase words joined by hyphens, at most 32 characters");
            return new EntryLeafV2(subject, seq, prev, kind, leaf.instant("recordedAt"), leaf.hash("commitment"));
        });
    }

    /** The leaf's bytes: its RFC 8785 canonical JSON. */
    public byte[] canonicalBytes() {
        ObjectNode leaf = JsonNodeFactory.instance.objectNode();
        leaf.put("v", FORMAT_VERSION);
        leaf.put("subject", subject);
        leaf.put("seq", seq);
        if (prev != null) {
            leaf.put("prev", HexFormat.of().formatHex(prev));
        }
        leaf.put("kind", kind);
        leaf.put("recordedAt", EntryInstants.format(recordedAt));
        leaf.put("commitment", HexFormat.of().formatHex(commitment));
        return CanonicalJson.canonicalize(leaf);
    }

    /** The RFC 6962 leaf hash {@code SHA-256(0x00 || canonicalBytes())}, as for format 1. */
    public byte[] leafHash() {
        return Rfc6962Hasher.DEFAULT.hashLeaf(canonicalBytes());
    }

    public String subject() {
        return subject;
    }

    public long seq() {
        return seq;
    }

    /** A copy of the previous entry's leaf hash; empty at seq 0. */
    public Optional<byte[]> prev() {
        return Optional.ofNullable(prev).map(byte[]::clone);
    }

    public String kind() {
        return kind;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** A copy of the commitment to the entry's personal content. */
    public byte[] commitment() {
        return commitment.clone();
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("requires " + what);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryLeafV2 other && Arrays.equals(canonicalBytes(), other.canonicalBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonicalBytes());
    }

    @Override
    public String toString() {
        return "EntryLeafV2[subject=" + subject + ", seq=" + seq + ", kind=" + kind + "]";
    }
}
