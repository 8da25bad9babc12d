package uk.gov.accessledger.logformat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry bundles of c2sp.org/tlog-tiles: up to 256 consecutive log entries, each as a
 * big-endian uint16 length followed by that many bytes. Entry {@code i} of bundle {@code n} is
 * log entry {@code n * 256 + i}, and its RFC 6962 leaf hash is hash {@code i} of level-0 tile
 * {@code n}.
 */
public final class EntryBundle {

    /** The largest entry a uint16 length prefix can frame. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    /** The most entries in a bundle: a full bundle, as wide as a full tile. */
    public static final int MAX_ENTRIES = TilePath.TILE_WIDTH;

    private static final String FORMAT = "entry bundle";
    private static final int LENGTH_PREFIX_SIZE = 2;

    private EntryBundle() {}

    /**
     * Encodes {@code entries} as a bundle.
     *
     * @throws IllegalArgumentException unless there are 1 to 256 entries (empty bundles are never
     *     served) and each is at most 65535 bytes
     */
    public static byte[] encode(List<byte[]> entries) {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(
                    "requires 1 to " + MAX_ENTRIES + " entries: got " + entries.size());
        }
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = entries.get(i);
            if (entry.length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException(
                        "requires entries of at most " + MAX_ENTRY_SIZE + " bytes: got " + entry.length
                                + " at position " + i);
            }
            bundle.write(entry.length >>> 8);
            bundle.write(entry.length);
            bundle.write(entry, 0, entry.length);
        }
        return bundle.toByteArray();
    }

    /**
     * Decodes a bundle into its entries.
     *
     * @throws LogFormatException if the bundle is empty, ends inside a length prefix or an entry,
     *     or holds more than 256 entries
     */
    public static List<byte[]> decode(byte[] bundle) {
        if (bundle.length == 0) {
            throw new LogFormatException(FORMAT, "bundle is empty");
        }
        List<byte[]> entries = new ArrayList<>();
        int offset = 0;
        while (offset < bundle.length) {
            if (entries.size() == MAX_ENTRIES) {
                throw new LogFormatException(
                        FORMAT, "got more than " + MAX_ENTRIES + " entries, " + (bundle.length - offset)
                                + " bytes remain");
            }
            if (bundle.length - offset < LENGTH_PREFIX_SIZE) {
                throw new LogFormatException(
                        FORMAT, "truncated length prefix of entry " + entries.size() + " at byte " + offset);
            }
            int length = ((bundle[offset] & 0xFF) << 8) | (bundle[offset + 1] & 0xFF);
            offset += LENGTH_PREFIX_SIZE;
            if (bundle.length - offset < length) {
                throw new LogFormatException(
                        FORMAT, "entry " + entries.size() + " is truncated: got " + (bundle.length - offset)
                                + " bytes, want " + length);
            }
            byte[] entry = new byte[length];
            System.arraycopy(bundle, offset, entry, 0, length);
            entries.add(entry);
            offset += length;
        }
        return entries;
    }

    /**
     * Decodes a bundle that must hold exactly {@code expectedEntries} entries: 256 for a full
     * bundle, the width in its path for a partial one.
     *
     * @throws LogFormatException if the bundle is malformed or holds another number of entries
     */
    public static List<byte[]> decode(byte[] bundle, int expectedEntries) {
        List<byte[]> entries = decode(bundle);
        if (entries.size() != expectedEntries) {
            throw new LogFormatException(
                    FORMAT, "got " + entries.size() + " entries, want " + expectedEntries);
        }
        return entries;
    }
}
