package uk.gov.accessledger.entryformat;

/**
 * Content does not match the leaf it claims to belong to: an opening whose commitment is not the
 * leaf's, or a tombstone that does not stand for the entry it claims to replace. Checked, so a
 * caller cannot forget that content means nothing until it has been checked against its leaf.
 * Each subclass carries what was computed ("got") and what the leaf holds ("want").
 */
public abstract sealed class ContentVerificationException extends Exception
        permits CommitmentMismatchException, TombstoneMismatchException {

    private static final long serialVersionUID = 1L;

    ContentVerificationException(String message) {
        super(message);
    }
}
