package uk.gov.accessledger.bundle;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Check 6 of docs/export-bundle.md in bounded memory: for every two exported entries of one
 * subject with {@code seq} n and n + 1, the later one's {@code prev} is the earlier one's leaf
 * hash; {@code seq} values of one subject are unique.
 *
 * <p>Entries arrive in leaf order, not subject order, and a bundle can hold millions of them.
 * So each entry's link fields are spilled to one of several temporary files, chosen by a hash of
 * the subject, so that all of a subject's entries land in the same file; then each file, sized to
 * fit comfortably in memory, is read back, sorted by subject and seq, and checked on its own.
 */
final class SubjectChains implements Closeable {

    private static final int SUBJECT_KEY_SIZE = 32;

    /** One entry's place in its subject's chain. */
    private record Link(byte[] subjectKey, long seq, byte[] leafHash, byte[] prev, long line, String entryId) {
    }

    private static final Comparator<Link> BY_SUBJECT_SEQ_LINE = Comparator
            .comparing(Link::subjectKey, Arrays::compareUnsigned)
            .thenComparingLong(Link::seq)
            .thenComparingLong(Link::line);

    private final Path directory;
    private final Path[] files;
    private final DataOutputStream[] outputs;
    private final MessageDigest sha256 = FileDigest.newSha256();

    /**
     * @param tempDirectory where the partition files go; requires an existing directory
     * @param partitions how many; requires 1 to 256, about (entries / entries that fit in memory)
     */
    SubjectChains(Path tempDirectory, int partitions) throws IOException {
        if (partitions < 1 || partitions > 256) {
            throw new IllegalArgumentException("requires 1 to 256 partitions, got " + partitions);
        }
        this.directory = Files.createTempDirectory(tempDirectory, "access-ledger-chains-");
        this.files = new Path[partitions];
        this.outputs = new DataOutputStream[partitions];
    }

    /** Records one well-formed entry's link fields. */
    void add(String subject, long seq, byte[] leafHash, byte[] prev, long line, String entryId) throws IOException {
        // A fixed-size key: subjects are untrusted and may be of any length.
        byte[] key = sha256.digest(subject.getBytes(StandardCharsets.UTF_8));
        int partition = Byte.toUnsignedInt(key[0]) % files.length;
        DataOutputStream out = outputs[partition];
        if (out == null) {
            files[partition] = directory.resolve("partition-" + partition);
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(files[partition]), 8192));
            outputs[partition] = out;
        }
        out.write(key);
        out.writeLong(seq);
        out.write(leafHash);
        out.writeBoolean(prev != null);
        if (prev != null) {
            out.write(prev);
        }
        out.writeLong(line);
        out.writeUTF(entryId);
    }

    /**
     * Checks every chain, reporting each broken link on the later entry's line.
     *
     * @return the number of distinct subjects
     */
    long check(Findings findings) throws IOException {
        long subjects = 0;
        for (int p = 0; p < files.length; p++) {
            if (outputs[p] == null) {
                continue;
            }
            outputs[p].close();
            List<Link> links = read(files[p]);
            links.sort(BY_SUBJECT_SEQ_LINE);
            subjects += checkSorted(links, findings);
            Files.delete(files[p]);
            outputs[p] = null;
        }
        return subjects;
    }

    private static long checkSorted(List<Link> links, Findings findings) {
        long subjects = 0;
        int groupStart = 0;
        // [previousStart, groupStart) holds the links of the seq just below the current one, if any.
        int previousStart = -1;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (i == 0 || !Arrays.equals(link.subjectKey(), links.get(i - 1).subjectKey())) {
                subjects++;
                groupStart = i;
                previousStart = -1;
                continue;
            }
            Link before = links.get(i - 1);
            if (link.seq() == before.seq()) {
                Link first = links.get(groupStart);
                findings.add(Finding.of(BundleCheck.SUBJECT_CHAIN, BundleFormat.ENTRIES_JSONL, link.line(),
                        link.entryId(), "seq " + link.seq() + " appears twice in this subject's chain: also on "
                        + BundleFormat.ENTRIES_JSONL + " line " + first.line() + " (entry " + first.entryId() + ")"));
                continue;
            }
            previousStart = link.seq() == before.seq() + 1 ? groupStart : -1;
            groupStart = i;
            if (previousStart >= 0 && link.prev() != null) {
                checkLink(links, previousStart, i, link, findings);
            }
        }
        return subjects;
    }

    /** {@code link.prev} must be the leaf hash of one of links[from, to), the entries of seq - 1. */
    private static void checkLink(List<Link> links, int from, int to, Link link, Findings findings) {
        for (int j = from; j < to; j++) {
            if (Arrays.equals(links.get(j).leafHash(), link.prev())) {
                return;
            }
        }
        Link earlier = links.get(from);
        HexFormat hex = HexFormat.of();
        findings.add(Finding.mismatch(BundleCheck.SUBJECT_CHAIN, BundleFormat.ENTRIES_JSONL, link.line(),
                link.entryId(), "prev is not the leaf hash of seq " + earlier.seq() + " on "
                        + BundleFormat.ENTRIES_JSONL + " line " + earlier.line() + " (entry " + earlier.entryId() + ")",
                hex.formatHex(earlier.leafHash()), hex.formatHex(link.prev())));
    }

    private static List<Link> read(Path file) throws IOException {
        List<Link> links = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                byte[] key = new byte[SUBJECT_KEY_SIZE];
                try {
                    in.readFully(key);
                } catch (EOFException end) {
                    return links;
                }
                long seq = in.readLong();
                byte[] leafHash = new byte[32];
                in.readFully(leafHash);
                byte[] prev = null;
                if (in.readBoolean()) {
                    prev = new byte[32];
                    in.readFully(prev);
                }
                long line = in.readLong();
                String entryId = in.readUTF();
                links.add(new Link(key, seq, leafHash, prev, line, entryId));
            }
        }
    }

    /** Deletes the spilled files. */
    @Override
    public void close() throws IOException {
        for (int p = 0; p < files.length; p++) {
            if (outputs[p] != null) {
                outputs[p].close();
            }
            if (files[p] != null) {
                Files.deleteIfExists(files[p]);
            }
        }
        Files.deleteIfExists(directory);
    }
}
