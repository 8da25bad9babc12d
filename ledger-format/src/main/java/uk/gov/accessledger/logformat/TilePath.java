package uk.gov.accessledger.logformat;

/**
 * Resource paths of c2sp.org/tlog-tiles, relative to the log's URL prefix, and the arithmetic of
 * which tiles a tree has.
 *
 * <p>Merkle tiles are at {@code tile/<L>/<N>[.p/<W>]} and entry bundles at {@code
 * tile/entries/<N>[.p/<W>]}. {@code <L>} is the level, 0 to 63, in decimal without leading
 * zeros. {@code <N>} is the tile's index within its level in zero-padded three-digit groups,
 * every group but the last prefixed with {@code x}: index 1234067 is {@code x001/x234/067}.
 * {@code .p/<W>} marks a partial tile of width 1 to 255.
 *
 * <p>A tile at level {@code l} holds 256 hashes, each the Merkle tree hash of a full tile at
 * level {@code l - 1} (at level 0, of one leaf). For a tree of size {@code s}, level {@code l}
 * has {@code floor(s / 256^(l+1))} full tiles and, when {@code floor(s / 256^l) mod 256} is not
 * zero, one partial tile of that width after them.
 */
public final class TilePath {

    /** The height of a tile: each covers 8 levels of the Merkle tree. */
    public static final int TILE_HEIGHT = 8;

    /** The number of hashes in a full tile, and of entries in a full bundle: 2^8. */
    public static final int TILE_WIDTH = 1 << TILE_HEIGHT;

    /** The highest tile level a path may name. */
    public static final int MAX_LEVEL = 63;

    static final String TILE_PREFIX = "tile/";
    static final String ENTRIES_SEGMENT = "entries";
    static final String PARTIAL_SUFFIX = ".p/";

    private static final String FORMAT = "tile path";

    private TilePath() {}

    /**
     * The path of the Merkle tile at {@code level} and {@code index}: {@code tile/<L>/<N>}, with
     * {@code .p/<W>} for a partial tile.
     *
     * @param partialWidth 1 to 255 for a partial tile, 0 for a full one
     * @throws IllegalArgumentException unless {@code 0 <= level <= 63}, {@code index >= 0} and
     *     {@code 0 <= partialWidth < 256}
     */
    public static String tile(int level, long index, int partialWidth) {
        requireLevel(level);
        requireIndex(index);
        requirePartialWidth(partialWidth);
        return TILE_PREFIX + level + "/" + indexAndWidth(index, partialWidth);
    }

    /**
     * The path of the entry bundle at {@code index}: {@code tile/entries/<N>}, with {@code .p/<W>}
     * for a partial bundle.
     *
     * @param partialWidth 1 to 255 for a partial bundle, 0 for a full one
     * @throws IllegalArgumentException unless {@code index >= 0} and {@code 0 <= partialWidth <
     *     256}
     */
    public static String entries(long index, int partialWidth) {
        requireIndex(index);
        requirePartialWidth(partialWidth);
        return TILE_PREFIX + ENTRIES_SEGMENT + "/" + indexAndWidth(index, partialWidth);
    }

    /**
     * The path of the entry bundle holding entry {@code entryIndex} in a tree of {@code treeSize},
     * partial if that bundle is the tree's last and not full.
     *
     * @throws IllegalArgumentException unless {@code 0 <= entryIndex < treeSize}
     */
    public static String entriesForEntry(long entryIndex, long treeSize) {
        if (entryIndex < 0 || entryIndex >= treeSize) {
            throw new IllegalArgumentException(
                    "requires 0 <= entryIndex < treeSize: got " + entryIndex + " and " + treeSize);
        }
        long bundle = entryIndex / TILE_WIDTH;
        return entries(bundle, partialWidth(0, bundle, treeSize));
    }

    /**
     * Encodes a tile index as {@code <N>}: three-digit groups, most significant first, each but the
     * last prefixed with {@code x}.
     */
    static String encodeIndex(long index) {
        StringBuilder n = new StringBuilder(String.format("%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            n.insert(0, String.format("x%03d/", rest % 1000));
        }
        return n.toString();
    }

    private static String indexAndWidth(long index, int partialWidth) {
        String n = encodeIndex(index);
        return partialWidth == 0 ? n : n + PARTIAL_SUFFIX + partialWidth;
    }

    /**
     * Parses a tile or entry bundle path, relative to the log prefix and without a leading slash.
     *
     * <p>Only the exact spelling {@link #tile} and {@link #entries} write is accepted: no leading
     * zeros in the level or width, no leading all-zero {@code x000} group, no partial width of 0
     * or 256 and over, no level over 63, no index beyond {@link Long#MAX_VALUE}.
     *
     * @throws LogFormatException if {@code path} is not such a path
     */
    public static ParsedTilePath parse(String path) {
        if (!path.startsWith(TILE_PREFIX)) {
            throw malformed(path, "doesn't start with \"" + TILE_PREFIX + "\"");
        }
        String rest = path.substring(TILE_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw malformed(path, "has no tile index");
        }
        String levelSegment = rest.substring(0, slash);
        boolean entryBundle = levelSegment.equals(ENTRIES_SEGMENT);
        int level = entryBundle ? 0 : parseLevel(path, levelSegment);
        rest = rest.substring(slash + 1);

        int partialWidth = 0;
        int partial = rest.indexOf(PARTIAL_SUFFIX);
        if (partial >= 0) {
            partialWidth = parseWidth(path, rest.substring(partial + PARTIAL_SUFFIX.length()));
            rest = rest.substring(0, partial);
        }
        long index = parseIndex(path, rest);
        ParsedTilePath parsed = new ParsedTilePath(entryBundle, level, index, partialWidth);
        // Every accepted path must be the one spelling this class writes; anything the checks
        // above let through that is not (there should be nothing) is refused here.
        if (!parsed.toPath().equals(path)) {
            throw malformed(path, "isn't canonical: want \"" + parsed.toPath() + "\"");
        }
        return parsed;
    }

    private static int parseLevel(String path, String segment) {
        if (!isDecimal(segment, 2)) {
            throw malformed(path, "level isn't a decimal from 0 to " + MAX_LEVEL);
        }
        int level = Integer.parseInt(segment);
        if (level > MAX_LEVEL) {
            throw malformed(path, "got level " + level + ", want at most " + MAX_LEVEL);
        }
        return level;
    }

    private static int parseWidth(String path, String segment) {
        if (!isDecimal(segment, 3)) {
            throw malformed(path, "partial width isn't a decimal from 1 to " + (TILE_WIDTH - 1));
        }
        int width = Integer.parseInt(segment);
        if (width == 0 || width >= TILE_WIDTH) {
            throw malformed(
                    path, "got partial width " + width + ", want 1 to " + (TILE_WIDTH - 1));
        }
        return width;
    }

    private static long parseIndex(String path, String n) {
        String[] groups = n.split("/", -1);
        long index = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (!last) {
                if (!group.startsWith("x")) {
                    throw malformed(path, "index group \"" + group + "\" lacks its 'x' prefix");
                }
                group = group.substring(1);
            }
            if (group.length() != 3 || !group.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw malformed(path, "index group \"" + groups[i] + "\" isn't three digits");
            }
            if (i == 0 && !last && group.equals("000")) {
                throw malformed(path, "index has a leading x000 group");
            }
            int digits = Integer.parseInt(group);
            if (index > (Long.MAX_VALUE - digits) / 1000) {
                throw malformed(path, "index is larger than " + Long.MAX_VALUE);
            }
            index = index * 1000 + digits;
        }
        return index;
    }

    /** Whether {@code s} is 1 to {@code maxDigits} ASCII digits with no leading zero. */
    private static boolean isDecimal(String s, int maxDigits) {
        return !s.isEmpty()
                && s.length() <= maxDigits
                && s.chars().allMatch(c -> c >= '0' && c <= '9')
                && (s.length() == 1 || s.charAt(0) != '0');
    }

    private static LogFormatException malformed(String path, String problem) {
        return new LogFormatException(FORMAT, "\"" + path + "\" " + problem);
    }

    /**
     * The number of full tiles at {@code level} in a tree of {@code treeSize} leaves: {@code
     * floor(treeSize / 256^(level+1))}.
     *
     * @throws IllegalArgumentException unless {@code treeSize >= 0} and {@code 0 <= level <= 63}
     */
    public static long fullTileCount(long treeSize, int level) {
        requireTreeSize(treeSize);
        requireLevel(level);
        return shiftRight(treeSize, TILE_HEIGHT * (level + 1));
    }

    /**
     * The width of the partial tile at {@code level} in a tree of {@code treeSize} leaves, {@code
     * floor(treeSize / 256^level) mod 256}; 0 when that level has no partial tile.
     *
     * @throws IllegalArgumentException unless {@code treeSize >= 0} and {@code 0 <= level <= 63}
     */
    public static int partialTileWidth(long treeSize, int level) {
        requireTreeSize(treeSize);
        requireLevel(level);
        return (int) (shiftRight(treeSize, TILE_HEIGHT * level) % TILE_WIDTH);
    }

    /**
     * The partial width to put in the path of tile {@code tileIndex} at {@code level} in a tree of
     * {@code treeSize}: 0 for a full tile, or the width of the level's partial tile (as tessera's
     * {@code layout.PartialTileSize}).
     *
     * @throws IllegalArgumentException unless the tile exists in the tree: {@code 0 <= tileIndex <
     *     fullTileCount}, or {@code tileIndex == fullTileCount} and the level has a partial tile
     */
    public static int partialWidth(int level, long tileIndex, long treeSize) {
        long full = fullTileCount(treeSize, level);
        requireIndex(tileIndex);
        if (tileIndex < full) {
            return 0;
        }
        int width = partialTileWidth(treeSize, level);
        if (tileIndex == full && width != 0) {
            return width;
        }
        throw new IllegalArgumentException(
                "requires a tile inside the tree: got tile " + tileIndex + " at level " + level
                        + " of a tree of size " + treeSize);
    }

    /**
     * Whether a tree of {@code treeSize} leaves holds everything {@code tile} names: its first
     * {@code tile.width()} hashes (or entries) exist at its level. False for a level above the
     * tree's top and for an index past the level's end, however large; never overflows.
     *
     * @throws IllegalArgumentException unless {@code treeSize >= 0}
     */
    public static boolean isInTree(ParsedTilePath tile, long treeSize) {
        requireTreeSize(treeSize);
        long available = tile.entryBundle() ? treeSize : shiftRight(treeSize, TILE_HEIGHT * tile.level());
        // index * 256 + width <= available, without computing index * 256.
        return available >= tile.width() && tile.index() <= (available - tile.width()) >>> TILE_HEIGHT;
    }

    /**
     * The number of levels that have at least one tile, full or partial, in a tree of {@code
     * treeSize} leaves: 0 for the empty tree, 1 for 1 to 255 leaves, 2 for 256 to 65535, and so on.
     *
     * @throws IllegalArgumentException unless {@code treeSize >= 0}
     */
    public static int levelCount(long treeSize) {
        requireTreeSize(treeSize);
        int levels = 0;
        for (long s = treeSize; s > 0; s >>>= TILE_HEIGHT) {
            levels++;
        }
        return levels;
    }

    private static long shiftRight(long value, int bits) {
        return bits >= Long.SIZE ? 0 : value >>> bits;
    }

    static void requireLevel(int level) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("requires 0 <= level <= " + MAX_LEVEL + ": got " + level);
        }
    }

    static void requireIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("requires index >= 0: got " + index);
        }
    }

    static void requirePartialWidth(int partialWidth) {
        if (partialWidth < 0 || partialWidth >= TILE_WIDTH) {
            throw new IllegalArgumentException(
                    "requires 0 <= partialWidth < " + TILE_WIDTH + ": got " + partialWidth);
        }
    }

    private static void requireTreeSize(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("requires treeSize >= 0: got " + treeSize);
        }
    }
}
