package uk.gov.accessledger.map;

/**
 * Something a monitor found wrong at one leaf of the log while deriving the map: an entry whose
 * {@code seq} is not its subject's previous count, a leaf that is not readable, or a map-root leaf
 * that commits to the wrong tree size or root.
 */
public record MapFinding(long leafIndex, String problem) {

    @Override
    public String toString() {
        return "leaf " + leafIndex + ": " + problem;
    }
}
