package uk.gov.accessledger.map;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary encoding of a {@link MapProof} (docs/map-format.md, "Proof bytes"):
 *
 * <pre>
 * kind[1] || depth[2, big-endian] || bitmap[ceil(depth / 8)] || non-empty siblings[32 each] || terminal
 * </pre>
 *
 * where kind is 0 (present; terminal = the 48-byte value), 1 (absent, empty; no terminal) or 2
 * (absent, another leaf; terminal = its key[32] || its value hash[32]), and bit {@code i} of the
 * bitmap (most significant first) says whether the sibling at depth {@code i + 1} is non-empty.
 * One proof has exactly one encoding; the decoder refuses every other byte string.
 */
public final class MapProofCodec {

    static final int KIND_PRESENT = 0;
    static final int KIND_ABSENT_EMPTY = 1;
    static final int KIND_ABSENT_OTHER_LEAF = 2;

    private static final int HEADER_SIZE = 3;
    private static final int HASH = MapHasher.HASH_SIZE;

    private MapProofCodec() {
    }

    /** Returns the proof's bytes. */
    public static byte[] encode(MapProof proof) {
        int depth = proof.depth();
        byte[] bitmap = new byte[(depth + 7) / 8];
        ByteArrayOutputStream siblings = new ByteArrayOutputStream();
        for (int d = 1; d <= depth; d++) {
            byte[] sibling = proof.sibling(d);
            if (!MapHasher.isEmpty(sibling)) {
                bitmap[(d - 1) / 8] |= (byte) (0x80 >>> ((d - 1) % 8));
                siblings.writeBytes(sibling);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(kind(proof.terminal()));
        out.write(depth >>> 8);
        out.write(depth);
        out.writeBytes(bitmap);
        out.writeBytes(siblings.toByteArray());
        if (proof.terminal() instanceof MapProof.Present present) {
            out.writeBytes(present.value().encode());
        } else if (proof.terminal() instanceof MapProof.OtherLeaf other) {
            out.writeBytes(other.key().bytes());
            out.writeBytes(other.valueHash());
        }
        return out.toByteArray();
    }

    private static int kind(MapProof.Terminal terminal) {
        if (terminal instanceof MapProof.Present) {
            return KIND_PRESENT;
        }
        return terminal instanceof MapProof.Empty ? KIND_ABSENT_EMPTY : KIND_ABSENT_OTHER_LEAF;
    }

    /**
     * Decodes a proof.
     *
     * @throws MalformedMapProofException if {@code bytes} is not exactly the encoding of a proof
     */
    public static MapProof decode(byte[] bytes) throws MalformedMapProofException {
        if (bytes.length < HEADER_SIZE) {
            throw new MalformedMapProofException("got " + bytes.length + " bytes, want at least " + HEADER_SIZE);
        }
        int kind = bytes[0] & 0xff;
        if (kind > KIND_ABSENT_OTHER_LEAF) {
            throw new MalformedMapProofException("kind got " + kind + ", want 0, 1 or 2");
        }
        int depth = ((bytes[1] & 0xff) << 8) | (bytes[2] & 0xff);
        if (depth > SubjectKey.BITS) {
            throw new MalformedMapProofException("depth got " + depth + ", want 0 to 256");
        }
        int bitmapSize = (depth + 7) / 8;
        if (bytes.length < HEADER_SIZE + bitmapSize) {
            throw new MalformedMapProofException("got " + bytes.length + " bytes, want at least "
                    + (HEADER_SIZE + bitmapSize) + " for a depth of " + depth);
        }
        byte[] bitmap = Arrays.copyOfRange(bytes, HEADER_SIZE, HEADER_SIZE + bitmapSize);
        requireZeroPadding(bitmap, depth);
        int present = 0;
        for (byte b : bitmap) {
            present += Integer.bitCount(b & 0xff);
        }
        int terminalSize = kind == KIND_PRESENT ? SubjectState.ENCODED_SIZE : kind == KIND_ABSENT_EMPTY ? 0 : 2 * HASH;
        int want = HEADER_SIZE + bitmapSize + HASH * present + terminalSize;
        if (bytes.length != want) {
            throw new MalformedMapProofException("got " + bytes.length + " bytes, want " + want
                    + " for kind " + kind + ", depth " + depth + " and " + present + " non-empty siblings");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, HEADER_SIZE + bitmapSize, bytes.length - HEADER_SIZE - bitmapSize);
        List<byte[]> siblings = new ArrayList<>(depth);
        for (int d = 1; d <= depth; d++) {
            siblings.add((bitmap[(d - 1) / 8] & (0x80 >>> ((d - 1) % 8))) == 0 ? MapHasher.empty() : explicitSibling(in, d));
        }
        return new MapProof(siblings, terminal(kind, in));
    }

    private static void requireZeroPadding(byte[] bitmap, int depth) throws MalformedMapProofException {
        if (depth % 8 != 0 && (bitmap[bitmap.length - 1] & (0xff >>> (depth % 8))) != 0) {
            throw new MalformedMapProofException("bitmap's last byte got padding bits set, want the "
                    + (8 - depth % 8) + " bits after depth " + depth + " zero");
        }
    }

    private static byte[] explicitSibling(ByteBuffer in, int depth) throws MalformedMapProofException {
        byte[] sibling = new byte[HASH];
        in.get(sibling);
        if (MapHasher.isEmpty(sibling)) {
            throw new MalformedMapProofException("sibling at depth " + depth
                    + " got the empty hash written out, want its bitmap bit clear");
        }
        return sibling;
    }

    private static MapProof.Terminal terminal(int kind, ByteBuffer in) throws MalformedMapProofException {
        if (kind == KIND_ABSENT_EMPTY) {
            return new MapProof.Empty();
        }
        if (kind == KIND_ABSENT_OTHER_LEAF) {
            byte[] key = new byte[HASH];
            byte[] valueHash = new byte[HASH];
            in.get(key).get(valueHash);
            return new MapProof.OtherLeaf(new SubjectKey(key), valueHash);
        }
        byte[] value = new byte[SubjectState.ENCODED_SIZE];
        in.get(value);
        try {
            return new MapProof.Present(SubjectState.decode(value));
        } catch (IllegalArgumentException e) {
            throw new MalformedMapProofException("value " + e.getMessage());
        }
    }
}
