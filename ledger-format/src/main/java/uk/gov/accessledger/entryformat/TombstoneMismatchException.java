package uk.gov.accessledger.entryformat;

/**
 * A tombstone does not stand for the format 1 entry it is checked against: the entry's leaf
 * hash, subject, seq or prev is not the tombstone's.
 */
public final class TombstoneMismatchException extends ContentVerificationException {

    private static final long serialVersionUID = 1L;

    private final String member;
    private final String got;
    private final String want;

    TombstoneMismatchException(String member, String got, String want) {
        super("tombstone mismatch: " + member + ": got " + got + ", want " + want);
        this.member = member;
        this.got = got;
        this.want = want;
    }

    /** The tombstone member that differs: {@code leafHash}, {@code subject}, {@code seq} or {@code prev}. */
    public String member() {
        return member;
    }

    /** What the entry gives, as the tombstone would write it ("absent" for no prev). */
    public String got() {
        return got;
    }

    /** What the tombstone holds. */
    public String want() {
        return want;
    }
}
