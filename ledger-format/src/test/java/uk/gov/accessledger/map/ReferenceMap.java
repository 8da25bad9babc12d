package uk.gov.accessledger.map;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The subject map written straight from the recursive definitions of docs/map-format.md, over the
 * JDK's SHA-256 and its own bit and value encodings, to cross-check {@link SubjectMap},
 * {@link MapHasher} and {@link SubjectState#encode()}. Slow (every proof rehashes whole subtrees)
 * and only for tests.
 *
 * <pre>
 * H(S, d) = SHA-256(0x02)                                        if S is empty
 *         = SHA-256(0x00 || k || SHA-256(0x03 || enc(v)))        if S = {(k, v)}
 *         = SHA-256(0x01 || H(S0, d + 1) || H(S1, d + 1))        otherwise, Sb = keys with bit d = b
 * root(S) = H(S, 0)
 * </pre>
 */
final class ReferenceMap {

    private final TreeMap<SubjectKey, SubjectState> entries;

    ReferenceMap(Map<SubjectKey, SubjectState> entries) {
        this.entries = new TreeMap<>(entries);
    }

    byte[] root() {
        return hash(List.copyOf(entries.entrySet()), 0);
    }

    /** The proof for {@code key}: descend while the subtree holds two keys or more. */
    MapProof prove(SubjectKey key) {
        List<Map.Entry<SubjectKey, SubjectState>> subtree = List.copyOf(entries.entrySet());
        List<byte[]> siblings = new ArrayList<>();
        int depth = 0;
        while (subtree.size() > 1) {
            List<Map.Entry<SubjectKey, SubjectState>> same = new ArrayList<>();
            List<Map.Entry<SubjectKey, SubjectState>> other = new ArrayList<>();
            for (Map.Entry<SubjectKey, SubjectState> e : subtree) {
                (bit(e.getKey(), depth) == bit(key, depth) ? same : other).add(e);
            }
            siblings.add(hash(other, depth + 1));
            subtree = same;
            depth++;
        }
        if (subtree.isEmpty()) {
            return new MapProof(siblings, new MapProof.Empty());
        }
        Map.Entry<SubjectKey, SubjectState> only = subtree.get(0);
        return new MapProof(siblings, only.getKey().equals(key)
                ? new MapProof.Present(only.getValue())
                : new MapProof.OtherLeaf(only.getKey(), sha256((byte) 3, encode(only.getValue()))));
    }

    private static byte[] hash(List<Map.Entry<SubjectKey, SubjectState>> subtree, int depth) {
        if (subtree.isEmpty()) {
            return sha256((byte) 2);
        }
        if (subtree.size() == 1) {
            Map.Entry<SubjectKey, SubjectState> e = subtree.get(0);
            return sha256((byte) 0, e.getKey().bytes(), sha256((byte) 3, encode(e.getValue())));
        }
        List<Map.Entry<SubjectKey, SubjectState>> left = new ArrayList<>();
        List<Map.Entry<SubjectKey, SubjectState>> right = new ArrayList<>();
        for (Map.Entry<SubjectKey, SubjectState> e : subtree) {
            (bit(e.getKey(), depth) == 0 ? left : right).add(e);
        }
        return sha256((byte) 1, hash(left, depth + 1), hash(right, depth + 1));
    }

    private static int bit(SubjectKey key, int i) {
        byte[] bytes = key.bytes();
        return (bytes[i / 8] & 0xff) >> (7 - i % 8) & 1;
    }

    private static byte[] encode(SubjectState v) {
        return ByteBuffer.allocate(48).putLong(v.count()).putLong(v.newestLeafIndex()).put(v.newestLeafHash()).array();
    }

    private static byte[] sha256(byte tag, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tag);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
