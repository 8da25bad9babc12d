package uk.gov.accessledger.logformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

class TilePathTest {

    private static final TestVectors VECTORS = TestVectors.in("logformat");

    static Stream<Arguments> pathVectors() {
        return VECTORS.rows("tile-paths.txt").stream()
                .map(row -> Arguments.of(TestVectors.unescapeToString(row[0]), row[1], row[2]));
    }

    @ParameterizedTest(name = "{2}: \"{0}\"")
    @MethodSource("pathVectors")
    void parsesWritesOrRejectsPublishedAndMalformedPaths(
            String path, String want, String description) {
        if (want.startsWith("reject:")) {
            assertThatThrownBy(() -> TilePath.parse(path))
                    .isInstanceOf(LogFormatException.class)
                    .hasMessageStartingWith("couldn't parse tile path: ")
                    .hasMessageContaining(want.substring("reject:".length()));
            return;
        }
        String[] fields = want.split(" ");
        ParsedTilePath parsed = TilePath.parse(path);
        if (fields[0].equals("tile")) {
            int level = Integer.parseInt(fields[1]);
            long index = Long.parseLong(fields[2]);
            int width = Integer.parseInt(fields[3]);
            assertThat(parsed).isEqualTo(new ParsedTilePath(false, level, index, width));
            assertThat(TilePath.tile(level, index, width)).isEqualTo(path);
        } else {
            long index = Long.parseLong(fields[1]);
            int width = Integer.parseInt(fields[2]);
            assertThat(parsed).isEqualTo(new ParsedTilePath(true, 0, index, width));
            assertThat(TilePath.entries(index, width)).isEqualTo(path);
        }
        assertThat(parsed.toPath()).isEqualTo(path);
    }

    /**
     * The tlog-tiles rule written the plain recursive way: the last three digits bare, every
     * group before them prefixed with x. Used only to cross-check {@link TilePath#encodeIndex}.
     */
    private static String referenceIndex(long index) {
        String last = String.format("%03d", index % 1000);
        return index < 1000 ? last : referenceGroups(index / 1000) + "/" + last;
    }

    private static String referenceGroups(long index) {
        String group = String.format("x%03d", index % 1000);
        return index < 1000 ? group : referenceGroups(index / 1000) + "/" + group;
    }

    @Test
    void writtenPathsMatchTheReferenceEncodingAndParseBackOnRandomInputs() {
        Random random = new Random(256L);
        for (int n = 0; n < 2000; n++) {
            int level = random.nextInt(TilePath.MAX_LEVEL + 1);
            long index = (random.nextLong() & Long.MAX_VALUE) >>> random.nextInt(63);
            int width = random.nextBoolean() ? 0 : 1 + random.nextInt(255);
            String suffix = width == 0 ? "" : ".p/" + width;

            String tile = TilePath.tile(level, index, width);
            assertThat(tile).isEqualTo("tile/" + level + "/" + referenceIndex(index) + suffix);
            assertThat(TilePath.parse(tile)).isEqualTo(new ParsedTilePath(false, level, index, width));

            String entries = TilePath.entries(index, width);
            assertThat(entries).isEqualTo("tile/entries/" + referenceIndex(index) + suffix);
            assertThat(TilePath.parse(entries)).isEqualTo(new ParsedTilePath(true, 0, index, width));
        }
    }

    @Test
    void writersRequireValidLevelIndexAndWidth() {
        assertThatThrownBy(() -> TilePath.tile(64, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires 0 <= level <= 63: got 64");
        assertThatThrownBy(() -> TilePath.tile(-1, 0, 0))
                .hasMessage("requires 0 <= level <= 63: got -1");
        assertThatThrownBy(() -> TilePath.tile(0, -1, 0)).hasMessage("requires index >= 0: got -1");
        assertThatThrownBy(() -> TilePath.entries(0, 256))
                .hasMessage("requires 0 <= partialWidth < 256: got 256");
        assertThatThrownBy(() -> TilePath.entries(0, -1))
                .hasMessage("requires 0 <= partialWidth < 256: got -1");
        assertThatThrownBy(() -> new ParsedTilePath(true, 1, 0, 0))
                .hasMessage("requires level 0 for an entry bundle: got 1");
    }

    @Test
    void aTreeOf70000LeavesHasTheTilesTheSpecLists() {
        // c2sp.org/tlog-tiles, "Partial Tiles": 273 full level 0 tiles, one partial level 0 tile
        // of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one
        // partial level 2 tile of width 1.
        assertThat(TilePath.fullTileCount(70000, 0)).isEqualTo(273);
        assertThat(TilePath.partialTileWidth(70000, 0)).isEqualTo(112);
        assertThat(TilePath.fullTileCount(70000, 1)).isEqualTo(1);
        assertThat(TilePath.partialTileWidth(70000, 1)).isEqualTo(17);
        assertThat(TilePath.fullTileCount(70000, 2)).isZero();
        assertThat(TilePath.partialTileWidth(70000, 2)).isEqualTo(1);
        assertThat(TilePath.fullTileCount(70000, 3)).isZero();
        assertThat(TilePath.partialTileWidth(70000, 3)).isZero();
        assertThat(TilePath.levelCount(70000)).isEqualTo(3);

        assertThat(TilePath.partialWidth(0, 272, 70000)).isZero();
        assertThat(TilePath.partialWidth(0, 273, 70000)).isEqualTo(112);
        assertThat(TilePath.tile(0, 273, TilePath.partialWidth(0, 273, 70000)))
                .isEqualTo("tile/0/273.p/112");
        assertThat(TilePath.tile(1, 1, TilePath.partialWidth(1, 1, 70000)))
                .isEqualTo("tile/1/001.p/17");
        assertThat(TilePath.tile(2, 0, TilePath.partialWidth(2, 0, 70000)))
                .isEqualTo("tile/2/000.p/1");
    }

    @Test
    void aTreeOf256LeavesHasOneFullLevel0TileAndAPartialLevel1TileOfWidth1() {
        // c2sp.org/tlog-tiles, "Partial Tiles".
        assertThat(TilePath.fullTileCount(256, 0)).isEqualTo(1);
        assertThat(TilePath.partialTileWidth(256, 0)).isZero();
        assertThat(TilePath.fullTileCount(256, 1)).isZero();
        assertThat(TilePath.partialTileWidth(256, 1)).isEqualTo(1);
        assertThat(TilePath.levelCount(256)).isEqualTo(2);
        assertThat(TilePath.levelCount(255)).isEqualTo(1);
        assertThat(TilePath.levelCount(0)).isZero();
    }

    @Test
    void tileCountsMatchTheSpecFormulaInArbitraryPrecisionOnRandomSizes() {
        Random random = new Random(70000L);
        BigInteger width = BigInteger.valueOf(256);
        for (int n = 0; n < 2000; n++) {
            long size = (random.nextLong() & Long.MAX_VALUE) >>> random.nextInt(63);
            BigInteger s = BigInteger.valueOf(size);
            int levels = 0;
            for (int level = 0; level <= TilePath.MAX_LEVEL; level++) {
                // floor(s / 256**(l+1)) full tiles; floor(s / 256**l) mod 256 wide partial tile.
                BigInteger full = s.divide(width.pow(level + 1));
                BigInteger partial = s.divide(width.pow(level)).mod(width);
                assertThat(TilePath.fullTileCount(size, level)).isEqualTo(full.longValueExact());
                assertThat(TilePath.partialTileWidth(size, level)).isEqualTo(partial.intValueExact());
                if (full.signum() > 0 || partial.signum() > 0) {
                    levels = level + 1;
                }
            }
            assertThat(TilePath.levelCount(size)).isEqualTo(levels);
        }
    }

    @Test
    void partialWidthIsZeroForFullTilesAndRefusesTilesOutsideTheTree() {
        assertThat(TilePath.partialWidth(0, 0, 256)).isZero();
        assertThat(TilePath.partialWidth(1, 0, 256)).isEqualTo(1);
        assertThatThrownBy(() -> TilePath.partialWidth(0, 1, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires a tile inside the tree: got tile 1 at level 0 of a tree of size 256");
        assertThatThrownBy(() -> TilePath.partialWidth(0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TilePath.fullTileCount(-1, 0))
                .hasMessage("requires treeSize >= 0: got -1");
    }

    @Test
    void isInTreeHoldsOnlyForTilesTheTreeHasWithoutOverflow() {
        // 70000 leaves: 273 full level 0 tiles and one of width 112; level 1: one full, one of 17.
        assertThat(TilePath.isInTree(TilePath.parse("tile/0/272"), 70000)).isTrue();
        assertThat(TilePath.isInTree(TilePath.parse("tile/0/273"), 70000)).isFalse();
        assertThat(TilePath.isInTree(TilePath.parse("tile/0/273.p/112"), 70000)).isTrue();
        assertThat(TilePath.isInTree(TilePath.parse("tile/0/273.p/113"), 70000)).isFalse();
        assertThat(TilePath.isInTree(TilePath.parse("tile/1/001.p/17"), 70000)).isTrue();
        assertThat(TilePath.isInTree(TilePath.parse("tile/2/000.p/1"), 70000)).isTrue();
        assertThat(TilePath.isInTree(TilePath.parse("tile/2/000.p/2"), 70000)).isFalse();
        assertThat(TilePath.isInTree(TilePath.parse("tile/entries/273.p/112"), 70000)).isTrue();
        // 2^56 * 256 wraps to 0 in 64-bit arithmetic: index 2^56 must not read as tile 0.
        assertThat(TilePath.isInTree(TilePath.parse("tile/0/x072/x057/x594/x037/x927/936"), 70000)).isFalse();
        assertThat(TilePath.isInTree(TilePath.parse("tile/entries/x072/x057/x594/x037/x927/936"), 70000))
                .isFalse();
        // A shift by 8 * 8 = 64 bits is a shift by 0 in Java: level 8 must not read as level 0.
        assertThat(TilePath.isInTree(TilePath.parse("tile/8/000"), 70000)).isFalse();
        assertThat(TilePath.isInTree(TilePath.parse("tile/63/000.p/1"), Long.MAX_VALUE)).isFalse();
        assertThat(TilePath.isInTree(TilePath.parse("tile/7/000.p/127"), Long.MAX_VALUE)).isTrue();
        assertThat(TilePath.isInTree(TilePath.parse("tile/0/000.p/1"), 0)).isFalse();
    }

    @Test
    void entriesForEntryNamesTheBundleHoldingIt() {
        assertThat(TilePath.entriesForEntry(0, 1)).isEqualTo("tile/entries/000.p/1");
        assertThat(TilePath.entriesForEntry(255, 256)).isEqualTo("tile/entries/000");
        assertThat(TilePath.entriesForEntry(256, 300)).isEqualTo("tile/entries/001.p/44");
        assertThat(TilePath.entriesForEntry(1234067L * 256 + 7, 1234067L * 256 + 8))
                .isEqualTo("tile/entries/x001/x234/067.p/8");
        assertThat(TilePath.entriesForEntry(1234067L * 256, 1234068L * 256))
                .isEqualTo("tile/entries/x001/x234/067");
        assertThatThrownBy(() -> TilePath.entriesForEntry(5, 5))
                .hasMessage("requires 0 <= entryIndex < treeSize: got 5 and 5");
    }

    @Test
    void parsedPathsReportTheirWidth() {
        assertThat(TilePath.parse("tile/0/001.p/44").width()).isEqualTo(44);
        assertThat(TilePath.parse("tile/0/001.p/44").isPartial()).isTrue();
        assertThat(TilePath.parse("tile/3/001").width()).isEqualTo(256);
        assertThat(TilePath.parse("tile/entries/001").entryBundle()).isTrue();
    }
}
