package uk.gov.accessledger.map;

import java.util.HexFormat;

/**
 * The root computed from a map proof is not the expected root: the proof, the value or the root
 * is wrong. Counterpart of transparency-dev/merkle's {@code RootMismatchError}.
 */
public final class MapRootMismatchException extends MapProofException {

    private static final long serialVersionUID = 1L;

    private final byte[] expected;
    private final byte[] calculated;

    MapRootMismatchException(byte[] expected, byte[] calculated) {
        super("couldn't verify map proof: root mismatched: got " + HexFormat.of().formatHex(calculated)
                + ", want " + HexFormat.of().formatHex(expected));
        this.expected = expected.clone();
        this.calculated = calculated.clone();
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
