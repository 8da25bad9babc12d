package uk.gov.accessledger.canonical;

import java.util.Optional;

/**
 * A JSON value, or a byte sequence claimed to be one, that has no RFC 8785 canonical form:
 * malformed JSON or UTF-8, a duplicate property name, a lone surrogate, a number that is not a
 * finite IEEE 754 double, or a node type JSON doesn't have. The message says what and where, e.g.
 * {@code couldn't canonicalize: duplicate key "a" at /x}.
 */
public final class CanonicalJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String pointer;

    CanonicalJsonException(String problem, String pointer, String where) {
        super("couldn't canonicalize: " + problem + (where.isEmpty() ? "" : " at " + where));
        this.problem = problem;
        this.pointer = pointer;
    }

    /** What was wrong, without the location, e.g. {@code duplicate key "a"}. */
    public String problem() {
        return problem;
    }

    /**
     * The RFC 6901 JSON Pointer of the value or object at fault ("" for the top-level value);
     * empty when the input failed before it was a JSON value at all (bad UTF-8, bad syntax).
     */
    public Optional<String> pointer() {
        return Optional.ofNullable(pointer);
    }
}
