package uk.gov.accessledger.merkle;

/**
 * A proof has more or fewer hashes than a proof between the stated index and sizes must have.
 */
public final class WrongProofSizeException extends ProofVerificationException {

    private static final long serialVersionUID = 1L;

    private final int got;
    private final int want;

    WrongProofSizeException(int got, int want) {
        super("couldn't verify proof: got " + got + " proof hashes, want " + want);
        this.got = got;
        this.want = want;
    }

    /** Returns the number of hashes the proof has. */
    public int got() {
        return got;
    }

    /** Returns the number of hashes the proof must have. */
    public int want() {
        return want;
    }
}
