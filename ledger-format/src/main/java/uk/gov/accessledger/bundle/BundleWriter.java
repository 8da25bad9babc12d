package uk.gov.accessledger.bundle;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.logformat.SignedNote;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Writes an export bundle (docs/export-bundle.md) to a stream in one pass over the entries, with
 * memory that does not grow with their number:
 *
 * <pre>{@code
 * try (BundleWriter bundle = BundleWriter.open(out, signer, signedCheckpoint, query, clock.instant())) {
 *     for (ExportedEntry entry : entriesInLeafOrder) {
 *         bundle.write(entry);
 *     }
 *     bundle.finish();
 * }
 * }</pre>
 *
 * <p>{@code entries.jsonl} is compressed straight into the ZIP while the CSV rows go to a
 * temporary file; {@link #finish} then appends {@code entries.csv}, {@code checkpoint},
 * {@code log-key}, {@code manifest.json} and {@code manifest.sig}. If the export fails before
 * {@code finish}, {@link #close} leaves the ZIP without its directory, so a partial download is
 * never a valid-looking bundle.
 *
 * <p>Not thread-safe: one exporting thread owns a writer.
 */
public final class BundleWriter implements Closeable {

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;
    private static final HexFormat HEX = HexFormat.of();

    private final OutputStream buffered;
    private final ZipOutputStream zip;
    private final Ed25519NoteSigner signer;
    private final String signedCheckpoint;
    private final long checkpointSize;
    private final Map<String, String> query;
    private final Instant createdAt;
    private final Path csvFile;
    private final OutputStream csv;
    private final MessageDigest jsonlDigest = FileDigest.newSha256();
    private final MessageDigest csvDigest = FileDigest.newSha256();
    private final StringBuilder row = new StringBuilder(1024);
    private long jsonlBytes;
    private long csvBytes;
    private long entries;
    private long lastLeafIndex = -1;
    private boolean finished;
    private boolean closed;

    private BundleWriter(OutputStream out, Ed25519NoteSigner signer, String signedCheckpoint, long checkpointSize,
            Map<String, String> query, Instant createdAt, Path csvFile) throws IOException {
        this.signer = signer;
        this.signedCheckpoint = signedCheckpoint;
        this.checkpointSize = checkpointSize;
        this.query = query;
        this.createdAt = createdAt;
        this.csvFile = csvFile;
        // The caller owns out: finishing the ZIP flushes it but never closes it.
        this.buffered = new BufferedOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, 1 << 16);
        this.zip = new ZipOutputStream(buffered, StandardCharsets.UTF_8);
        // Entry lines are mostly base64, which deflates little: favour throughput.
        zip.setLevel(Deflater.BEST_SPEED);
        this.csv = new BufferedOutputStream(Files.newOutputStream(csvFile), 1 << 16);
        row.setLength(0);
        CsvRows.append(row, BundleFormat.CSV_COLUMNS);
        writeCsv(row);
        zip.putNextEntry(zipEntry(BundleFormat.ENTRIES_JSONL));
    }

    /**
     * Starts a bundle, with its temporary CSV file in {@code java.io.tmpdir}.
     *
     * @see #open(OutputStream, Ed25519NoteSigner, String, Map, Instant, Path)
     */
    public static BundleWriter open(OutputStream out, Ed25519NoteSigner signer, String signedCheckpoint,
            Map<String, String> query, Instant createdAt) throws IOException {
        return open(out, signer, signedCheckpoint, query, createdAt, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Starts a bundle.
     *
     * @param out where the ZIP goes; requires non-null. It is flushed by {@link #finish} but never
     *     closed: the caller closes it.
     * @param signer the log's signing key, which signs the manifest; requires non-null
     * @param signedCheckpoint the log's signed checkpoint that every entry's proof is against;
     *     requires a checkpoint that verifies with {@code signer}'s key
     * @param query exactly the filters of the export (absent ones omitted); requires non-null
     *     keys and values
     * @param createdAt when the export was made; written with millisecond precision
     * @param tempDirectory where the CSV waits until the JSON Lines are written; requires an
     *     existing directory with room for the CSV
     * @throws IllegalArgumentException if the checkpoint does not verify with the signer's key
     */
    public static BundleWriter open(OutputStream out, Ed25519NoteSigner signer, String signedCheckpoint,
            Map<String, String> query, Instant createdAt, Path tempDirectory) throws IOException {
        Objects.requireNonNull(out, "requires an output stream");
        Objects.requireNonNull(signer, "requires the log's signer");
        Objects.requireNonNull(signedCheckpoint, "requires a signed checkpoint");
        Objects.requireNonNull(createdAt, "requires createdAt");
        Objects.requireNonNull(tempDirectory, "requires a temporary directory");
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(signedCheckpoint, signer.verifier());
        } catch (NoteVerificationException e) {
            throw new IllegalArgumentException("requires a checkpoint signed by the bundle's signer: " + e.getMessage(), e);
        }
        Map<String, String> sortedQuery = new TreeMap<>();
        query.forEach((k, v) -> sortedQuery.put(
                Objects.requireNonNull(k, "requires non-null query keys"),
                Objects.requireNonNull(v, "requires non-null query values")));
        Path csvFile = Files.createTempFile(tempDirectory, "access-ledger-export-", ".csv");
        try {
            return new BundleWriter(out, signer, signedCheckpoint, checkpoint.size(), sortedQuery, createdAt, csvFile);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(csvFile);
            throw e;
        }
    }

    /**
     * Writes one entry: its line of {@code entries.jsonl} and its row of {@code entries.csv}.
     *
     * @param entry requires a leaf index above the previous entry's and below the checkpoint's
     *     size; its proof must be against the checkpoint (the verifier checks it, the writer does
     *     not)
     * @throws IllegalArgumentException if the leaf index is out of order or outside the tree;
     *     nothing is written then
     * @throws IllegalStateException after {@link #finish} or {@link #close}
     */
    public void write(ExportedEntry entry) throws IOException {
        requireOpen();
        if (entry.leafIndex() <= lastLeafIndex) {
            throw new IllegalArgumentException("requires ascending leaf indexes: got " + entry.leafIndex()
                    + " after " + lastLeafIndex);
        }
        if (entry.leafIndex() >= checkpointSize) {
            throw new IllegalArgumentException("requires a leaf index inside the checkpoint's tree: got "
                    + entry.leafIndex() + ", tree size " + checkpointSize);
        }
        byte[] line = EntryLine.write(entry);
        zip.write(line);
        jsonlDigest.update(line);
        jsonlBytes += line.length;

        row.setLength(0);
        entry.row().appendCsvRecord(row, entry.leafIndex(), HASHER.hashLeaf(entry.canonical()));
        writeCsv(row);
        lastLeafIndex = entry.leafIndex();
        entries++;
    }

    /** The number of entries written so far. */
    public long entries() {
        return entries;
    }

    /**
     * Completes the bundle: appends the CSV, checkpoint, log key, manifest and manifest
     * signature, writes the ZIP directory and flushes the output stream (without closing it).
     *
     * @throws IllegalStateException after {@link #finish} or {@link #close}
     */
    public void finish() throws IOException {
        requireOpen();
        finished = true;
        zip.closeEntry();
        csv.close();
        zip.putNextEntry(zipEntry(BundleFormat.ENTRIES_CSV));
        Files.copy(csvFile, zip);
        zip.closeEntry();
        Files.delete(csvFile);

        byte[] checkpoint = signedCheckpoint.getBytes(StandardCharsets.UTF_8);
        byte[] logKey = (signer.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8);
        putFile(BundleFormat.CHECKPOINT, checkpoint);
        putFile(BundleFormat.LOG_KEY, logKey);

        Map<String, FileDigest> files = new TreeMap<>();
        files.put(BundleFormat.CHECKPOINT, FileDigest.of(checkpoint));
        files.put(BundleFormat.ENTRIES_CSV, new FileDigest(csvBytes, HEX.formatHex(csvDigest.digest())));
        files.put(BundleFormat.ENTRIES_JSONL, new FileDigest(jsonlBytes, HEX.formatHex(jsonlDigest.digest())));
        files.put(BundleFormat.LOG_KEY, FileDigest.of(logKey));
        byte[] manifest = Manifest.write(
                EntryInstants.format(createdAt), query, entries, checkpointSize, files);
        putFile(BundleFormat.MANIFEST_JSON, manifest);

        String signedText = BundleFormat.MANIFEST_SIGNATURE_HEADER + "\n" + signer.name() + "\n"
                + FileDigest.of(manifest).sha256() + "\n";
        putFile(BundleFormat.MANIFEST_SIG, SignedNote.sign(signedText, signer).getBytes(StandardCharsets.UTF_8));
        // Closes the ZIP (directory, deflater) and flushes out, which the wrapper keeps open.
        zip.close();
    }

    /**
     * Releases the temporary CSV file. Before {@link #finish} this abandons the bundle: the ZIP
     * is left without its directory, so what was written is not a readable bundle.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!finished) {
                csv.close();
            }
        } finally {
            Files.deleteIfExists(csvFile);
        }
    }

    private void requireOpen() {
        if (finished || closed) {
            throw new IllegalStateException("requires an open bundle: it was already " + (finished ? "finished" : "closed"));
        }
    }

    private void writeCsv(CharSequence text) throws IOException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        csv.write(bytes);
        csvDigest.update(bytes);
        csvBytes += bytes.length;
    }

    private void putFile(String name, byte[] content) throws IOException {
        zip.putNextEntry(zipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private ZipEntry zipEntry(String name) {
        ZipEntry entry = new ZipEntry(name);
        // The export time, not the wall clock, so equal exports are equal files.
        entry.setTime(createdAt.toEpochMilli());
        return entry;
    }
}
