package uk.gov.accessledger.vrf;

/**
 * n*P on edwards25519 for a scalar n given as 32 little-endian bytes (any value below 2^256),
 * by fixed 4-bit windows: n = sum of n_i * 16^i with 0 <= n_i < 16.
 *
 * <p>The secret-scalar methods ({@link #secret}, {@link #base}) always run all 64 windows and
 * read their tables by scanning every entry ({@link EdwardsPoint#select}), so their sequence of field operations does not
 * depend on the scalar (which matters for the nonce k: RFC 9381 section 7.5). The JVM gives no
 * timing guarantee beyond that. {@link #publicScalar} skips leading zero windows and indexes
 * its table directly: for the verifier, whose scalars are public.
 */
final class ScalarMultiplication {

    private static final int WINDOWS = 64;

    /** BASE_TABLE[i][j] = j * 16^i * B, so that n*B = sum of BASE_TABLE[i][n_i], no doublings. */
    private static final EdwardsPoint[][] BASE_TABLE = baseTable();

    private ScalarMultiplication() {}

    /** n*P for a secret n, in a sequence of operations that does not depend on n. */
    static EdwardsPoint secret(EdwardsPoint p, byte[] n) {
        EdwardsPoint[] multiples = multiples(p);
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int i = WINDOWS - 1; i >= 0; i--) {
            sum = sum.twice().twice().twice().twice().add(EdwardsPoint.select(multiples, window(n, i)));
        }
        return sum;
    }

    /** n*B for the base point B and a secret n, in a sequence that does not depend on n. */
    static EdwardsPoint base(byte[] n) {
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int i = 0; i < WINDOWS; i++) {
            sum = sum.add(EdwardsPoint.select(BASE_TABLE[i], window(n, i)));
        }
        return sum;
    }

    /** n*P for a public n: leading zero windows skipped, table indexed directly. */
    static EdwardsPoint publicScalar(EdwardsPoint p, byte[] n) {
        EdwardsPoint[] multiples = multiples(p);
        int top = WINDOWS - 1;
        while (top > 0 && window(n, top) == 0) {
            top--;
        }
        EdwardsPoint sum = multiples[window(n, top)];
        for (int i = top - 1; i >= 0; i--) {
            sum = sum.twice().twice().twice().twice().add(multiples[window(n, i)]);
        }
        return sum;
    }

    /** n*B for a public n. */
    static EdwardsPoint publicBase(byte[] n) {
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int i = 0; i < WINDOWS; i++) {
            int w = window(n, i);
            if (w != 0) {
                sum = sum.add(BASE_TABLE[i][w]);
            }
        }
        return sum;
    }

    /** n_i, the i-th 4-bit window of n, from the least significant; requires 0 <= i < 64. */
    private static int window(byte[] n, int i) {
        return (n[i >>> 1] >>> ((i & 1) << 2)) & 0x0f;
    }

    /** {0*P, 1*P, ..., 15*P}. */
    private static EdwardsPoint[] multiples(EdwardsPoint p) {
        EdwardsPoint[] out = new EdwardsPoint[16];
        out[0] = EdwardsPoint.IDENTITY;
        out[1] = p;
        for (int j = 2; j < 16; j++) {
            out[j] = (j & 1) == 0 ? out[j / 2].twice() : out[j - 1].add(p);
        }
        return out;
    }

    private static EdwardsPoint[][] baseTable() {
        EdwardsPoint[][] table = new EdwardsPoint[WINDOWS][];
        EdwardsPoint power = EdwardsPoint.BASE;
        for (int i = 0; i < WINDOWS; i++) {
            table[i] = multiples(power);
            power = power.twice().twice().twice().twice();
        }
        return table;
    }
}
