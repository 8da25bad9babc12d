package uk.gov.accessledger.api.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * This node's record, outside the database, of the newest checkpoint it has seen committed and
 * of the one it is committing, so that a database restored from an old backup cannot make the
 * log sign a checkpoint that contradicts one already published (docs/operations.md).
 *
 * <p>The file is two lines of text, replaced atomically (temporary file, fsync, rename, fsync of
 * the directory), so after a crash it holds either the old state or the new one:
 * <pre>
 * committed 1234 &lt;base64 root&gt;
 * signing 1240 &lt;base64 root&gt;
 * </pre>
 * {@code signing} is present only between the moment a checkpoint is about to be committed and
 * the moment its commit is known.
 */
final class LastCheckpointFile {

    /** A checkpoint's size and root hash. */
    record Mark(long size, byte[] root) {

        Mark {
            if (size < 0 || root.length != 32) {
                throw new IllegalArgumentException("want size >= 0 and a 32-byte root, got " + size + " and "
                        + root.length + " bytes");
            }
            root = root.clone();
        }

        boolean sameAs(long otherSize, byte[] otherRoot) {
            return size == otherSize && Arrays.equals(root, otherRoot);
        }

        @Override
        public byte[] root() {
            return root.clone();
        }

        @Override
        public String toString() {
            return "size " + size + " root " + Base64.getEncoder().encodeToString(root);
        }
    }

    /**
     * What the file holds. {@code committed} is a checkpoint this node saw in the database (so it
     * may have been published); {@code signing}, if not null, is one it may have committed since.
     */
    record State(Mark committed, Mark signing) {
    }

    private static final String HEADER = """
            # The newest checkpoint of this log that this node has seen committed, and the one it is
            # committing, if any. Keep it; never replace it with an older copy (docs/operations.md).
            """;

    private final Path file;

    LastCheckpointFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The state in the file, or empty if there is no file yet. */
    Optional<State> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            Mark committed = null;
            Mark signing = null;
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (parts.length != 3) {
                    throw malformed(line);
                }
                Mark mark = new Mark(Long.parseLong(parts[1]), Base64.getDecoder().decode(parts[2]));
                switch (parts[0]) {
                    case "committed" -> committed = mark;
                    case "signing" -> signing = mark;
                    default -> throw malformed(line);
                }
            }
            if (committed == null) {
                throw new IllegalStateException("couldn't read the last-checkpoint file " + file
                        + ": it has no committed line");
            }
            return Optional.of(new State(committed, signing));
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't read the last-checkpoint file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("couldn't read the last-checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    private IllegalStateException malformed(String line) {
        return new IllegalStateException("couldn't read the last-checkpoint file " + file + ": unexpected line '"
                + line + "'");
    }

    /** Replaces the file with {@code state}; returns only once the new state is on disk. */
    void write(State state) {
        StringBuilder text = new StringBuilder(HEADER).append("committed ").append(line(state.committed()));
        if (state.signing() != null) {
            text.append("signing ").append(line(state.signing()));
        }
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            // A temporary file of its own, so that nodes wrongly given one path never mix their writes.
            Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't write the last-checkpoint file " + file, e);
        }
    }

    private static String line(Mark mark) {
        return mark.size() + " " + Base64.getEncoder().encodeToString(mark.root()) + "\n";
    }

    /** Makes the rename durable; file systems that cannot open a directory make it durable anyway. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform opens directories (Windows); there the rename itself is durable.
        }
    }
}
