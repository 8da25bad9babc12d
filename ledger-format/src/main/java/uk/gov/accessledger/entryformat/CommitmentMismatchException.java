package uk.gov.accessledger.entryformat;

import java.util.HexFormat;

/**
 * An opening's commitment, {@code HMAC-SHA-256(r, content)}, is not the one in the leaf: the
 * content, {@code r} or the leaf is not what was recorded, or the opening belongs to another entry.
 */
public final class CommitmentMismatchException extends ContentVerificationException {

    private static final long serialVersionUID = 1L;

    private final byte[] got;
    private final byte[] want;

    CommitmentMismatchException(byte[] got, byte[] want) {
        super("commitment mismatch: got " + HexFormat.of().formatHex(got) + ", want " + HexFormat.of().formatHex(want));
        this.got = got.clone();
        this.want = want.clone();
    }

    /** A copy of the commitment computed from the opening. */
    public byte[] got() {
        return got.clone();
    }

    /** A copy of the commitment the leaf holds. */
    public byte[] want() {
        return want.clone();
    }
}
