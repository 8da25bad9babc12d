package uk.gov.accessledger.map;

/** Bytes are not a map-root leaf as docs/map-format.md ("The map-root leaf") drafts it. */
public final class MalformedMapRootLeafException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedMapRootLeafException(String message, Throwable cause) {
        super("couldn't read map-root leaf: " + message, cause);
    }
}
