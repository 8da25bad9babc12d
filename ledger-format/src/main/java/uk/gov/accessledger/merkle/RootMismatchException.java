package uk.gov.accessledger.merkle;

import org.bouncycastle.util.encoders.Hex;

/**
 * The root computed from a proof is not the expected root: the proof, the leaf or the root is
 * wrong. Counterpart of transparency-dev/merkle's {@code RootMismatchError}.
 */
public final class RootMismatchException extends ProofVerificationException {

    private static final long serialVersionUID = 1L;

    private final long treeSize;
    private final byte[] expected;
    private final byte[] calculated;

    RootMismatchException(long treeSize, byte[] expected, byte[] calculated) {
        super("couldn't verify proof: root of tree size " + treeSize + " mismatched: got "
                + Hex.toHexString(calculated) + ", want " + Hex.toHexString(expected));
        this.treeSize = treeSize;
        this.expected = expected.clone();
        this.calculated = calculated.clone();
    }

    /** Returns the size of the tree whose root mismatched. */
    public long treeSize() {
        return treeSize;
    }

    /** Returns a copy of the root the caller expected. */
    public byte[] expected() {
        return expected.clone();
    }

    /** Returns a copy of the root calculated from the proof. */
    public byte[] calculated() {
        return calculated.clone();
    }
}
