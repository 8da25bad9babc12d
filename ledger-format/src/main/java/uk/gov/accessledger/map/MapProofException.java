package uk.gov.accessledger.map;

/**
 * A map proof did not verify. Checked, so that a caller cannot forget that verification fails;
 * each subclass says why, with what was got and what was wanted.
 */
public abstract sealed class MapProofException extends Exception
        permits MalformedMapProofException, MapProofKeyMismatchException, MapRootMismatchException {

    private static final long serialVersionUID = 1L;

    MapProofException(String message) {
        super(message);
    }
}
