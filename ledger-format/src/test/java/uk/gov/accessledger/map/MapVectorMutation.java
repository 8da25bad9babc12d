package uk.gov.accessledger.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The mutated proofs of the vectors: each a proof's bytes changed one way, and what it must raise. */
final class MapVectorMutation {

    record Negative(String description, SubjectKey key, byte[] proof, String error) {
    }

    private static final String ROOT = "MapRootMismatchException";
    private static final String MALFORMED = "MalformedMapProofException";
    private static final String KEY = "MapProofKeyMismatchException";

    private MapVectorMutation() {
    }

    static List<Negative> of(SubjectKey key, MapProof proof, Map<SubjectKey, SubjectState> set) {
        List<Negative> out = new ArrayList<>();
        byte[] bytes = MapProofCodec.encode(proof);
        int end = bytes.length;
        SubjectKey another = flipBit(key, 0);
        if (proof.terminal() instanceof MapProof.OtherLeaf other) {
            boolean offPath = proof.depth() > 0 || other.key().equals(another);
            out.add(new Negative("the proof given for another key (the first bit flipped)", another, bytes, offPath ? KEY : ROOT));
        } else if (proof.depth() > 0 || proof.terminal() instanceof MapProof.Present) {
            out.add(new Negative("the proof given for another key (the first bit flipped)", another, bytes, ROOT));
        }
        out.add(new Negative("a byte added at the end", key, Arrays.copyOf(bytes, end + 1), MALFORMED));
        out.add(new Negative("the last byte cut off", key, Arrays.copyOf(bytes, end - 1), MALFORMED));
        if (proof.depth() > 0) {
            out.add(new Negative("depth one less, the same bytes after it", key, withDepth(bytes, proof.depth() - 1), MALFORMED));
        }
        if (proof.terminal() instanceof MapProof.Present present) {
            int value = end - SubjectState.ENCODED_SIZE;
            SubjectState v = present.value();
            if (v.count() > 1) {
                out.add(new Negative("count lowered by one", key, replace(bytes, value, new SubjectState(v.count() - 1,
                        v.newestLeafIndex(), v.newestLeafHash()).encode()), ROOT));
            }
            out.add(new Negative("count raised by one", key, replace(bytes, value, new SubjectState(v.count() + 1,
                    v.newestLeafIndex(), v.newestLeafHash()).encode()), ROOT));
            out.add(new Negative("newest leaf index raised by one", key, replace(bytes, value, new SubjectState(v.count(),
                    v.newestLeafIndex() + 1, v.newestLeafHash()).encode()), ROOT));
            out.add(new Negative("newest leaf hash's last bit flipped", key, flipByte(bytes, end - 1), ROOT));
            out.add(new Negative("count set to 0", key, replace(bytes, value, new byte[8]), MALFORMED));
            byte[] absent = Arrays.copyOf(bytes, value);
            absent[0] = (byte) MapProofCodec.KIND_ABSENT_EMPTY;
            out.add(new Negative("the presence proof turned into an absence proof (kind 1, value removed)", key, absent, ROOT));
            byte[] naming = Arrays.copyOf(bytes, value + 64);
            naming[0] = (byte) MapProofCodec.KIND_ABSENT_OTHER_LEAF;
            System.arraycopy(key.bytes(), 0, naming, value, 32);
            System.arraycopy(new MapHasher().valueHash(v), 0, naming, value + 32, 32);
            out.add(new Negative("an absence proof ending in the queried key's own leaf", key, naming, KEY));
        }
        if (proof.terminal() instanceof MapProof.OtherLeaf other) {
            boolean offPath = proof.depth() > 0 || flipBit(other.key(), 0).equals(key);
            out.add(new Negative("the other leaf's key changed in its first bit", key,
                    flipByte(bytes, end - 64, 0x80), offPath ? KEY : ROOT));
            out.add(new Negative("the other leaf's value hash changed", key, flipByte(bytes, end - 1), ROOT));
            out.add(new Negative("this absence proof given for the key of the leaf it ends in", other.key(), bytes, KEY));
        }
        if (!set.isEmpty() && proof.terminal() instanceof MapProof.Empty) {
            out.add(new Negative("this absence proof given for a present key", set.keySet().iterator().next(), bytes, ROOT));
        }
        if (proof.depth() > 0) {
            int firstSibling = 3 + (proof.depth() + 7) / 8;
            out.add(new Negative("the first non-empty sibling's first byte changed", key, flipByte(bytes, firstSibling), ROOT));
            out.add(new Negative("the bitmap's bit for the deepest sibling cleared", key,
                    flipByte(bytes, 3 + (proof.depth() - 1) / 8, 0x80 >>> ((proof.depth() - 1) % 8)), MALFORMED));
            if (proof.depth() % 8 != 0) {
                out.add(new Negative("a padding bit of the bitmap set", key,
                        flipByte(bytes, 3 + (proof.depth() - 1) / 8, 1), MALFORMED));
            }
        }
        out.add(new Negative("kind byte 3", key, replace(bytes, 0, new byte[] {3}), MALFORMED));
        return out;
    }

    private static SubjectKey flipBit(SubjectKey key, int bit) {
        byte[] bytes = key.bytes();
        bytes[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return new SubjectKey(bytes);
    }

    private static byte[] withDepth(byte[] bytes, int depth) {
        return replace(bytes, 1, new byte[] {(byte) (depth >>> 8), (byte) depth});
    }

    private static byte[] flipByte(byte[] bytes, int at) {
        return flipByte(bytes, at, 1);
    }

    private static byte[] flipByte(byte[] bytes, int at, int mask) {
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) mask;
        return copy;
    }

    private static byte[] replace(byte[] bytes, int at, byte[] with) {
        byte[] copy = bytes.clone();
        System.arraycopy(with, 0, copy, at, with.length);
        return copy;
    }
}
