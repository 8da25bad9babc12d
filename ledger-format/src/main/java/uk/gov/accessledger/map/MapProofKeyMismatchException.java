package uk.gov.accessledger.map;

/**
 * An absence proof ends in the leaf of a key that cannot be there: the queried key itself, or a
 * key whose first bits are not the path's.
 */
public final class MapProofKeyMismatchException extends MapProofException {

    private static final long serialVersionUID = 1L;

    MapProofKeyMismatchException(String message) {
        super("couldn't verify map proof: " + message);
    }
}
