package uk.gov.accessledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.logformat.NoteVerifier;

/**
 * The monitor's memory between runs: the text of the last signed checkpoint it verified. Kept
 * as the signed note itself, so the file is also evidence if the log later forks or rolls back.
 */
final class MonitorState {

    /** The last verified checkpoint: the signed note and what it says. */
    record Seen(String signedNote, Checkpoint checkpoint) {
    }

    private MonitorState() {
    }

    /**
     * The checkpoint saved in {@code file}, or empty if there is no such file yet.
     *
     * @throws UsageException if the file cannot be read or does not hold a checkpoint signed by
     *     {@code key} (a state file of another log, or damaged)
     */
    static Optional<Seen> read(Path file, NoteVerifier key) throws UsageException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("can't read state file " + file + ": " + e.getMessage());
        }
        try {
            return Optional.of(new Seen(text, Checkpoint.open(text, key)));
        } catch (NoteVerificationException e) {
            throw new UsageException("state file " + file + " doesn't hold a checkpoint signed by " + key.name()
                    + " (" + e.getMessage() + "); is it another log's? Move it away to start again");
        }
    }

    /** Replaces {@code file} with {@code signedNote}, atomically where the file system can. */
    static void write(Path file, String signedNote) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, signedNote, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
