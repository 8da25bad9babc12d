package uk.gov.accessledger.merkle;

/**
 * A Merkle proof did not verify: the proof, the leaf or a root is not what the tree of the stated
 * size would give. Checked, so a caller cannot forget that verification can fail.
 *
 * <p>Arguments that break a verifier's stated preconditions (an index outside the tree, size1 >
 * size2, a leaf hash of the wrong length) are reported with {@link IllegalArgumentException}
 * instead, as everywhere in this package; a verifier of untrusted input must treat both as
 * "not verified".
 */
public abstract sealed class ProofVerificationException extends Exception
        permits RootMismatchException, WrongProofSizeException {

    private static final long serialVersionUID = 1L;

    ProofVerificationException(String message) {
        super(message);
    }
}
