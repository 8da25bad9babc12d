package uk.gov.accessledger.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.zip.ZipFile;
import uk.gov.accessledger.logformat.NoteVerifier;

/**
 * Verifies export bundles against the log's verifier key, running every check of
 * docs/export-bundle.md "What verify-bundle checks": the manifest signature (1), the files and
 * their hashes (2), the log key (3), the checkpoint (4), every entry's leaf hash and inclusion
 * proof in ascending leaf order (5), the subject chains (6), the CSV against the JSON Lines (7)
 * and the entry count (8).
 *
 * <p>Memory stays bounded whatever the bundle's size: {@code entries.jsonl} and
 * {@code entries.csv} are streamed side by side, subject-chain links are spilled to temporary
 * files, and at most a fixed number of findings per check is kept.
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class BundleVerifier {

    /** Findings kept per check; the rest are counted in {@link BundleReport#omittedFindings()}. */
    public static final int DEFAULT_MAX_FINDINGS_PER_CHECK = 100;

    static final int DEFAULT_LINKS_PER_PARTITION = 200_000;

    private final NoteVerifier logKey;
    private final Path tempDirectory;
    private final int linksPerPartition;
    private final int maxFindingsPerCheck;

    /**
     * A verifier trusting {@code logKey}, the log's verifier key obtained out of band (never the
     * key inside the bundle), with temporary files in {@code java.io.tmpdir}.
     *
     * @param logKey requires non-null
     */
    public BundleVerifier(NoteVerifier logKey) {
        this(logKey, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_LINKS_PER_PARTITION,
                DEFAULT_MAX_FINDINGS_PER_CHECK);
    }

    /**
     * @param logKey requires non-null
     * @param tempDirectory where temporary files go; requires an existing directory
     * @param linksPerPartition about how many entries' chain links to check in memory at once;
     *     requires at least 1
     * @param maxFindingsPerCheck requires at least 1
     */
    BundleVerifier(NoteVerifier logKey, Path tempDirectory, int linksPerPartition, int maxFindingsPerCheck) {
        this.logKey = Objects.requireNonNull(logKey, "requires the log's verifier key");
        this.tempDirectory = Objects.requireNonNull(tempDirectory, "requires a temporary directory");
        if (linksPerPartition < 1 || maxFindingsPerCheck < 1) {
            throw new IllegalArgumentException("requires linksPerPartition >= 1 and maxFindingsPerCheck >= 1");
        }
        this.linksPerPartition = linksPerPartition;
        this.maxFindingsPerCheck = maxFindingsPerCheck;
    }

    /** Returns a verifier like this one whose temporary files go in {@code directory}. */
    public BundleVerifier withTempDirectory(Path directory) {
        return new BundleVerifier(logKey, directory, linksPerPartition, maxFindingsPerCheck);
    }

    /**
     * Verifies the bundle at {@code bundle}.
     *
     * @return the report; the bundle verified if and only if {@link BundleReport#ok()}
     * @throws IOException if the file cannot be read or is not a ZIP file at all; problems
     *     inside a readable ZIP are findings instead
     */
    public BundleReport verify(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return new BundleVerification(logKey, zip, tempDirectory, linksPerPartition, maxFindingsPerCheck).run();
        }
    }

    /**
     * Verifies a bundle read from {@code bundle}, which is first copied to a temporary file
     * (a ZIP's directory is at its end, and the checks read some files twice). The stream is
     * read to its end but not closed.
     *
     * @see #verify(Path)
     */
    public BundleReport verify(InputStream bundle) throws IOException {
        Path copy = Files.createTempFile(tempDirectory, "access-ledger-bundle-", ".zip");
        try {
            Files.copy(bundle, copy, StandardCopyOption.REPLACE_EXISTING);
            return verify(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
