package uk.gov.accessledger.entryformat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.canonical.CanonicalJsonException;

/**
 * The opening of a format 2 leaf's commitment: the random {@code r} and the personal content,
 * stored as the canonical JSON {@code {"content":{...},"r":"<64 hex>"}} (docs/entry-format.md,
 * "The opening"). Whoever holds it can show what an entry says; whoever holds only the leaf
 * learns nothing of it. Deleting every copy of the opening (or the key that seals it) erases the
 * content and leaves the leaf, its chain and every proof valid.
 *
 * <p>The personal content is a JSON object holding the format 1 members that are not leaf
 * members: {@code id} (a lowercase UUID), {@code policyExceptions} (array of strings),
 * {@code referenceData} (string) and the kind's own members, which the domain checks. It may not
 * hold a member named as a leaf member ({@code v, subject, seq, prev, kind, recordedAt,
 * commitment}): the leaf is the only place those are said.
 *
 * <p>Invariants: {@code r} is 32 bytes; the content has an RFC 8785 canonical form and passes the
 * rules above. Immutable.
 */
public final class ContentOpening {

    static final String FORMAT = "content opening";

    private static final Set<String> MEMBERS = Set.of("content", "r");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final byte[] r;
    private final ObjectNode content;
    private final byte[] canonicalContent;
    private final byte[] commitment;

    private ContentOpening(byte[] r, ObjectNode content) {
        checkContent(StrictObject.of(FORMAT, content, "/content"));
        this.r = r.clone();
        this.content = content.deepCopy();
        try {
            this.canonicalContent = CanonicalJson.canonicalize(this.content);
        } catch (CanonicalJsonException e) {
            throw new EntryFormatException(FORMAT, e.problem(), "/content" + e.pointer().orElse(""));
        }
        this.commitment = ContentCommitment.commit(this.r, canonicalContent);
    }

    /**
     * A new opening of {@code content} with a fresh {@code r} from {@code random}.
     *
     * @param content requires an object that passes the content rules (see the class comment)
     * @param random requires a cryptographically strong generator, such as {@link SecureRandom}
     * @throws EntryFormatException naming the JSON Pointer of the first fault in {@code content}
     */
    public static ContentOpening create(ObjectNode content, SecureRandom random) {
        byte[] r = new byte[ContentCommitment.SIZE];
        random.nextBytes(r);
        return of(r, content);
    }

    /**
     * The opening of {@code content} with a given {@code r}: for rebuilding an opening read from
     * elsewhere, and for known-answer tests. New entries take {@link #create}.
     *
     * @param r requires exactly 32 bytes
     * @throws EntryFormatException naming the JSON Pointer of the first fault in {@code content}
     */
    public static ContentOpening of(byte[] r, ObjectNode content) {
        Objects.requireNonNull(content, "requires content");
        if (r == null || r.length != ContentCommitment.SIZE) {
            throw new IllegalArgumentException("requires r of " + ContentCommitment.SIZE + " bytes");
        }
        return new ContentOpening(r, content);
    }

    /**
     * Reads a stored opening: the canonical JSON {@code {"content":{...},"r":"<64 hex>"}} exactly.
     *
     * @throws EntryFormatException naming the JSON Pointer of the first fault
     */
    public static ContentOpening parse(byte[] bytes) {
        return StrictObject.read(FORMAT, bytes, opening -> {
            opening.onlyMembers(MEMBERS);
            StrictObject content = opening.object("content");
            return new ContentOpening(opening.hash("r"), content.node());
        });
    }

    /**
     * Checks that this opening is the one {@code leaf} commits to.
     *
     * @throws CommitmentMismatchException if {@code HMAC-SHA-256(r, content)} is not the leaf's
     *     commitment (compared in constant time)
     */
    public void verify(EntryLeafV2 leaf) throws CommitmentMismatchException {
        verify(leaf.commitment());
    }

    /**
     * Checks that this opening's commitment is {@code want}, in constant time.
     *
     * @throws CommitmentMismatchException if it is not
     */
    public void verify(byte[] want) throws CommitmentMismatchException {
        if (!MessageDigest.isEqual(commitment, want)) {
            throw new CommitmentMismatchException(commitment, want);
        }
    }

    /** A copy of {@code c = HMAC-SHA-256(key = r, message = canonical content)}. */
    public byte[] commitment() {
        return commitment.clone();
    }

    /** The opening's stored bytes: its RFC 8785 canonical JSON. */
    public byte[] canonicalBytes() {
        ObjectNode opening = JsonNodeFactory.instance.objectNode();
        opening.set("content", content.deepCopy());
        opening.put("r", HexFormat.of().formatHex(r));
        return CanonicalJson.canonicalize(opening);
    }

    /** A copy of the content's RFC 8785 canonical JSON, the message the commitment is over. */
    public byte[] canonicalContent() {
        return canonicalContent.clone();
    }

    /** A copy of the personal content. */
    public ObjectNode content() {
        return content.deepCopy();
    }

    /** A copy of {@code r}. */
    public byte[] r() {
        return r.clone();
    }

    private static void checkContent(StrictObject content) {
        content.noMembers(EntryLeafV2.MEMBERS, "leaf member in content");
        content.string("id", UUID, "a lowercase UUID");
        content.strings("policyExceptions");
        content.string("referenceData");
    }

    /** Names the commitment only, which the leaf publishes: the rest is personal, and toString ends up in logs. */
    @Override
    public String toString() {
        return "ContentOpening[commitment=" + HexFormat.of().formatHex(commitment) + "]";
    }
}
