package uk.gov.accessledger.logformat;

/**
 * What a c2sp.org/tlog-tiles path names: a Merkle tile at a level, or an entry bundle; its index
 * within its level; and, for a partial tile or bundle, its width.
 *
 * @param entryBundle whether the path is {@code tile/entries/...} rather than {@code tile/<L>/...}
 * @param level the tile level, 0 to {@value TilePath#MAX_LEVEL}; always 0 for an entry bundle
 * @param index the tile's index within its level; at least 0
 * @param partialWidth the width of a partial tile, 1 to 255, or 0 for a full tile
 */
public record ParsedTilePath(boolean entryBundle, int level, long index, int partialWidth) {

    /**
     * @throws IllegalArgumentException unless the values are ones {@link TilePath} can write
     */
    public ParsedTilePath {
        TilePath.requireLevel(level);
        TilePath.requireIndex(index);
        TilePath.requirePartialWidth(partialWidth);
        if (entryBundle && level != 0) {
            throw new IllegalArgumentException("requires level 0 for an entry bundle: got " + level);
        }
    }

    /** Whether this is a partial tile or bundle. */
    public boolean isPartial() {
        return partialWidth != 0;
    }

    /** The number of hashes or entries the resource holds: the partial width, or 256. */
    public int width() {
        return isPartial() ? partialWidth : TilePath.TILE_WIDTH;
    }

    /** The path, as {@link TilePath#tile} or {@link TilePath#entries} writes it. */
    public String toPath() {
        return entryBundle
                ? TilePath.entries(index, partialWidth)
                : TilePath.tile(level, index, partialWidth);
    }
}
