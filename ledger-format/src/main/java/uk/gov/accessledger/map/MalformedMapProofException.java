package uk.gov.accessledger.map;

/**
 * A map proof is not in the format docs/map-format.md specifies (wrong length, a kind byte or
 * field out of range, padding bits set), or not in its one canonical form (an explicit sibling
 * equal to the empty hash, an empty deepest sibling).
 */
public final class MalformedMapProofException extends MapProofException {

    private static final long serialVersionUID = 1L;

    MalformedMapProofException(String message) {
        super("couldn't read map proof: " + message);
    }
}
