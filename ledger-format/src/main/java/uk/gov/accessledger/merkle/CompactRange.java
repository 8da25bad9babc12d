package uk.gov.accessledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A compact Merkle tree range: the leaves {@code [begin, end)} represented by the roots of the
 * minimal set of perfect subtrees covering them, ordered left to right. That is at most about
 * two hashes per level, so appending a leaf, merging a neighbouring range and computing the root
 * all cost O(log n). Port of transparency-dev/merkle {@code compact.Range}; see its
 * {@code docs/compact_ranges.md}.
 *
 * <p>The log sequencer keeps one range {@code [0, size)}: {@link #append} reports every new
 * perfect-subtree node through a {@link Visitor} so that it can be stored (for hash tiles and
 * proofs), and {@link #root()} gives the tree hash for the next checkpoint. After a restart the
 * range is rebuilt from stored nodes with {@link #rangeNodes} and {@link #of}.
 *
 * <p>Not thread-safe: a range is mutable, and the sequencer must confine it to the one thread
 * (or lock) that sequences the log. Hash arrays are copied on the way in and out, so callers
 * cannot corrupt a range by modifying an array they passed or received.
 */
public final class CompactRange {

    /** Receives nodes computed while a range grows; the hash array is the visitor's to keep. */
    @FunctionalInterface
    public interface Visitor {

        /**
         * Called once for each node computed.
         *
         * @param id the node's position in the tree
         * @param hash the node's hash
         */
        void visit(NodeId id, byte[] hash);
    }

    private final Rfc6962Hasher hasher;
    private final long begin;
    private long end;
    // Invariant: hashes.size() == rangeSize(begin, end), and hashes.get(i) is the root of the
    // i-th subtree of rangeNodes(begin, end).
    private final List<byte[]> hashes;

    private CompactRange(Rfc6962Hasher hasher, long begin, long end, List<byte[]> hashes) {
        this.hasher = hasher;
        this.begin = begin;
        this.end = end;
        this.hashes = hashes;
    }

    /**
     * Returns the empty range {@code [begin, begin)}, which grows from {@code begin} as leaves are
     * appended.
     *
     * @param hasher the tree hasher; requires non-null
     * @param begin requires {@code begin >= 0}
     */
    public static CompactRange empty(Rfc6962Hasher hasher, long begin) {
        Objects.requireNonNull(hasher, "requires a hasher");
        if (begin < 0) {
            throw new IllegalArgumentException("requires begin >= 0, got begin " + begin);
        }
        return new CompactRange(hasher, begin, begin, new ArrayList<>());
    }

    /**
     * Returns the range {@code [begin, end)} with the given subtree roots, for example read back
     * from storage at the IDs {@link #rangeNodes rangeNodes(begin, end)}.
     *
     * @param hasher the tree hasher; requires non-null
     * @param begin requires {@code 0 <= begin <= end}
     * @param end requires {@code 0 <= begin <= end}
     * @param hashes the roots of the perfect subtrees covering {@code [begin, end)}, ordered
     *     left to right; requires exactly {@code rangeNodes(begin, end).size()} hashes of
     *     {@link Rfc6962Hasher#HASH_SIZE} bytes
     */
    public static CompactRange of(Rfc6962Hasher hasher, long begin, long end, List<byte[]> hashes) {
        Objects.requireNonNull(hasher, "requires a hasher");
        Objects.requireNonNull(hashes, "requires hashes");
        requireRange(begin, end);
        int want = rangeSize(begin, end);
        if (hashes.size() != want) {
            throw new IllegalArgumentException(
                    "requires one hash per subtree: got " + hashes.size() + " hashes, want " + want);
        }
        List<byte[]> copies = new ArrayList<>(want);
        for (byte[] hash : hashes) {
            copies.add(requireHash(hash).clone());
        }
        return new CompactRange(hasher, begin, end, copies);
    }

    /** Returns the first leaf index in the range (inclusive). */
    public long begin() {
        return begin;
    }

    /** Returns the leaf index just past the range (exclusive). */
    public long end() {
        return end;
    }

    /** Returns copies of the roots of the minimal perfect subtrees covering the range, left to right. */
    public List<byte[]> hashes() {
        return hashes.stream().map(byte[]::clone).toList();
    }

    /**
     * Appends one leaf, reporting no new nodes.
     *
     * @param leafHash the leaf's RFC 6962 hash; requires {@link Rfc6962Hasher#HASH_SIZE} bytes
     */
    public void append(byte[] leafHash) {
        appendMerging(Math.addExact(end, 1), requireHash(leafHash).clone(), List.of(), null);
    }

    /**
     * Appends one leaf, reporting every interior node that the append completes, lowest level
     * first. The leaf itself (level 0) is not reported: the caller already has it, as in
     * transparency-dev/merkle.
     *
     * @param leafHash the leaf's RFC 6962 hash; requires {@link Rfc6962Hasher#HASH_SIZE} bytes
     * @param visitor receives each new node; requires non-null
     */
    public void append(byte[] leafHash, Visitor visitor) {
        Objects.requireNonNull(visitor, "requires a visitor");
        appendMerging(Math.addExact(end, 1), requireHash(leafHash).clone(), List.of(), visitor);
    }

    /**
     * Merges the adjacent range {@code other} into this one from the right, so this range then
     * covers {@code [begin(), other.end())}; {@code other} is left unchanged. This is the merge
     * of transparency-dev/merkle's {@code Range.AppendRange}.
     *
     * @param other requires {@code other.begin() == end()} and the same hasher
     */
    public void appendRange(CompactRange other) {
        appendRangeReporting(other, null);
    }

    /**
     * Merges the adjacent range {@code other} into this one from the right, reporting every
     * interior node the merge completes.
     *
     * @param other requires {@code other.begin() == end()} and the same hasher
     * @param visitor receives each new node; requires non-null
     */
    public void appendRange(CompactRange other, Visitor visitor) {
        Objects.requireNonNull(visitor, "requires a visitor");
        appendRangeReporting(other, visitor);
    }

    private void appendRangeReporting(CompactRange other, Visitor visitor) {
        Objects.requireNonNull(other, "requires a range to append");
        if (other.hasher != hasher) {
            throw new IllegalArgumentException("requires ranges built with the same hasher");
        }
        if (other.begin != end) {
            throw new IllegalArgumentException(
                    "requires adjacent ranges: got other.begin " + other.begin + ", want " + end);
        }
        if (other.hashes.isEmpty()) {
            return;
        }
        List<byte[]> rest = List.copyOf(other.hashes.subList(1, other.hashes.size()));
        appendMerging(other.end, other.hashes.get(0), rest, visitor);
    }

    /**
     * Returns the RFC 6962 root hash of the tree {@code [0, end())}: the subtree roots folded
     * from right to left. Unlike transparency-dev/merkle, which returns nil, the empty range
     * yields {@link Rfc6962Hasher#emptyRoot()}, the MTH of the empty list.
     *
     * @throws IllegalStateException unless {@code begin() == 0}
     */
    public byte[] root() {
        if (begin != 0) {
            throw new IllegalStateException("requires begin 0 for a tree root, got begin " + begin);
        }
        int n = hashes.size();
        if (n == 0) {
            return hasher.emptyRoot();
        }
        byte[] hash = hashes.get(n - 1).clone();
        for (int i = n - 2; i >= 0; i--) {
            hash = hasher.hashChildren(hashes.get(i), hash);
        }
        return hash;
    }

    /**
     * Merges the range {@code [this.end, newEnd)}, given as its first subtree root {@code seed}
     * and the remaining roots {@code rest}, into this range.
     */
    private void appendMerging(long newEnd, byte[] seed, List<byte[]> rest, Visitor visitor) {
        // Bits [low, high) of end encode the merge path: a 1 bit merges the current node with the
        // next subtree root to its left (from this range), a 0 bit with the next one to its
        // right (from the appended range).
        int[] path = mergePath(begin, end, newEnd);
        int low = path[0];
        int high = Math.max(path[1], low);
        long index = Bits.shiftRight(end, low);
        int ones = Long.bitCount(index & Bits.lowMask(high - low));
        int zeros = (high - low) - ones;
        // Both counts hold by the invariant on hashes; failing them means this object is corrupt.
        if (hashes.size() < ones || rest.size() < zeros) {
            throw new IllegalStateException("couldn't merge ranges: corrupt compact range");
        }

        int left = hashes.size();
        int right = 0;
        for (int level = low; level < high; level++) {
            if ((index & 1) == 0) {
                seed = hasher.hashChildren(seed, rest.get(right++));
            } else {
                seed = hasher.hashChildren(hashes.get(--left), seed);
            }
            index >>>= 1;
            if (visitor != null) {
                visitor.visit(new NodeId(level + 1, index), seed.clone());
            }
        }
        hashes.subList(left, hashes.size()).clear();
        hashes.add(seed);
        hashes.addAll(rest.subList(right, rest.size()));
        end = newEnd;
    }

    /**
     * Returns {low, high - 1} where bits [low, high) of {@code mid} are the path merging the
     * compact ranges [begin, mid) and [mid, end); the path is empty when high - 1 <= low. The
     * result is meaningless unless begin <= mid <= end, but it never throws.
     */
    private static int[] mergePath(long begin, long mid, long end) {
        int low = Long.numberOfTrailingZeros(mid);
        int high = Long.SIZE;
        if (begin != 0) {
            high = Bits.len(mid ^ (begin - 1));
        }
        high = Math.min(high, Bits.len((mid - 1) ^ end));
        return new int[] {low, high - 1};
    }

    /**
     * Returns the IDs of the perfect subtrees forming the compact range {@code [begin, end)},
     * ordered left to right: the nodes whose hashes {@link #of} needs.
     *
     * @param begin requires {@code 0 <= begin <= end}
     * @param end requires {@code 0 <= begin <= end}
     */
    public static List<NodeId> rangeNodes(long begin, long end) {
        requireRange(begin, end);
        List<NodeId> ids = new ArrayList<>();
        appendRangeNodes(begin, end, ids);
        return ids;
    }

    /** Appends the IDs of {@code rangeNodes(begin, end)} to {@code ids}. */
    static void appendRangeNodes(long begin, long end, List<NodeId> ids) {
        long[] sizes = decompose(begin, end);
        long left = sizes[0];
        long right = sizes[1];
        long pos = begin;
        // Perfect subtrees along the left border, from lower to upper levels.
        while (left != 0) {
            int level = Long.numberOfTrailingZeros(left);
            long bit = 1L << level;
            ids.add(new NodeId(level, pos >>> level));
            pos += bit;
            left ^= bit;
        }
        // Perfect subtrees along the right border, from upper to lower levels.
        while (right != 0) {
            int level = Bits.len(right) - 1;
            long bit = 1L << level;
            ids.add(new NodeId(level, pos >>> level));
            pos += bit;
            right ^= bit;
        }
    }

    /** Returns the number of perfect subtrees in the compact range {@code [begin, end)}. */
    static int rangeSize(long begin, long end) {
        long[] sizes = decompose(begin, end);
        return Long.bitCount(sizes[0]) + Long.bitCount(sizes[1]);
    }

    /**
     * Splits [begin, end) into the fewest sub-ranges of the form [m * 2^k, (m + 1) * 2^k),
     * returned as two bit masks {left, right}: a 1 bit at position k in either is one sub-range
     * of size 2^k; the left mask is read from low to high bits, then the right mask from high to
     * low. For (0b110, 0b11101) that is sizes 2, 8 then 8, 4, 1.
     */
    static long[] decompose(long begin, long end) {
        // The general case below needs begin != 0, or end < 2^63.
        if (begin == 0) {
            return new long[] {0, end};
        }
        long beforeBegin = begin - 1;
        // Only nodes strictly below the point where the paths to leaves begin - 1 and end
        // diverge are inside the range.
        int divergence = Bits.len(beforeBegin ^ end) - 1;
        long mask = Bits.lowMask(divergence);
        return new long[] {~beforeBegin & mask, end & mask};
    }

    private static void requireRange(long begin, long end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(
                    "requires 0 <= begin <= end, got begin " + begin + ", end " + end);
        }
    }

    private static byte[] requireHash(byte[] hash) {
        Objects.requireNonNull(hash, "requires a hash");
        if (hash.length != Rfc6962Hasher.HASH_SIZE) {
            throw new IllegalArgumentException("requires a " + Rfc6962Hasher.HASH_SIZE
                    + "-byte hash, got " + hash.length + " bytes");
        }
        return hash;
    }

    /** Two ranges are equal when they have the same hasher, bounds and subtree hashes. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CompactRange other)) {
            return false;
        }
        if (hasher != other.hasher || begin != other.begin || end != other.end
                || hashes.size() != other.hashes.size()) {
            return false;
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!Arrays.equals(hashes.get(i), other.hashes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(begin, end);
        for (byte[] hash : hashes) {
            h = 31 * h + Arrays.hashCode(hash);
        }
        return h;
    }

    @Override
    public String toString() {
        return "CompactRange[" + begin + ", " + end + ") of " + hashes.size() + " subtrees";
    }
}
