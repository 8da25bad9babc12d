package uk.gov.accessledger.bundle;

import static uk.gov.accessledger.bundle.BundleFormat.CHECKPOINT;
import static uk.gov.accessledger.bundle.BundleFormat.ENTRIES_CSV;
import static uk.gov.accessledger.bundle.BundleFormat.ENTRIES_JSONL;
import static uk.gov.accessledger.bundle.BundleFormat.LOG_KEY;
import static uk.gov.accessledger.bundle.BundleFormat.MANIFEST_JSON;
import static uk.gov.accessledger.bundle.BundleFormat.MANIFEST_SIG;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import uk.gov.accessledger.bundle.CsvReader.MalformedCsvException;
import uk.gov.accessledger.bundle.EntryLine.MalformedLineException;
import uk.gov.accessledger.bundle.Manifest.MalformedManifestException;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Note;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.SignedNote;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.merkle.WrongProofSizeException;

/**
 * One run of the checks of docs/export-bundle.md over an open ZIP file. Every check runs even
 * after others failed, so that the verdict names every problem; a check that depends on an
 * untrusted input (a checkpoint that did not verify, a manifest that could not be read) is
 * skipped, and the failure that made it impossible is itself a finding.
 */
final class BundleVerification {

    /** The largest small file (manifest, signature, checkpoint, key) read into memory. */
    static final int MAX_SMALL_FILE = 1 << 20;

    /** The longest line of entries.jsonl: a 64 KiB entry in base64 and a 63-hash proof fit. */
    static final int MAX_LINE_BYTES = 1 << 20;

    // A verifier: the JDK's SHA-256, not the writer's (see Rfc6962Hasher).
    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.JDK;
    private static final HexFormat HEX = HexFormat.of();

    private final NoteVerifier key;
    private final ZipFile zip;
    private final Path tempDirectory;
    private final int linksPerPartition;
    private final Findings findings;

    private Manifest manifest;
    private Checkpoint checkpoint;
    private long entries;
    private long subjects;
    // Check 5's order: the leaf index of the last well-formed line, and that line's number.
    private long lastLeafIndex = -1;
    private long lastLeafIndexLine;

    BundleVerification(NoteVerifier key, ZipFile zip, Path tempDirectory, int linksPerPartition, int maxFindingsPerCheck) {
        this.key = key;
        this.zip = zip;
        this.tempDirectory = tempDirectory;
        this.linksPerPartition = linksPerPartition;
        this.findings = new Findings(maxFindingsPerCheck);
    }

    BundleReport run() throws IOException {
        Map<String, Integer> names = zipEntryNames();
        byte[] manifestBytes = readSmall(MANIFEST_JSON);
        readManifest(manifestBytes);
        checkManifestSignature(manifestBytes);
        checkFileSet(names);
        checkLogKey(readListed(LOG_KEY));
        checkCheckpoint(readListed(CHECKPOINT));
        checkEntries();
        if (fullExport() && checkpoint != null && lastLeafIndex + 1 < checkpoint.size()) {
            findings.add(Finding.of(BundleCheck.COMPLETENESS, ENTRIES_JSONL, 0, null, "a full export must hold"
                    + " every leaf of the checkpoint's tree, but it ends at leaf " + lastLeafIndex + " of "
                    + checkpoint.size()));
        }
        if (manifest != null && entries != manifest.entries()) {
            findings.add(Finding.mismatch(BundleCheck.ENTRY_COUNT, ENTRIES_JSONL, 0, null,
                    "number of lines", Long.toString(manifest.entries()) + " (manifest.json \"entries\")",
                    Long.toString(entries)));
        }
        return new BundleReport(entries, subjects, key.name(),
                checkpoint == null ? -1 : checkpoint.size(),
                checkpoint == null ? null : Base64.getEncoder().encodeToString(checkpoint.rootHash()),
                manifest == null ? null : Finding.printable(manifest.createdAt()),
                manifest == null ? null : Finding.printable(manifest.query()),
                findings.sorted(), findings.omitted());
    }

    /** The ZIP's file names, each with how often it occurs. */
    private Map<String, Integer> zipEntryNames() {
        Map<String, Integer> names = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            names.merge(all.nextElement().getName(), 1, Integer::sum);
        }
        return names;
    }

    private void readManifest(byte[] bytes) {
        if (bytes == null) {
            return;
        }
        try {
            manifest = Manifest.parse(bytes);
        } catch (MalformedManifestException e) {
            findings.add(Finding.of(BundleCheck.MANIFEST, MANIFEST_JSON, 0, null, e.getMessage()));
        }
    }

    /** Check 1. */
    private void checkManifestSignature(byte[] manifestBytes) throws IOException {
        byte[] signature = readSmall(MANIFEST_SIG);
        if (signature == null) {
            return;
        }
        Note note;
        try {
            note = SignedNote.open(signature, key);
        } catch (NoteVerificationException e) {
            findings.add(new Finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 0, null,
                    "doesn't verify with key " + key.name() + ": " + e.getMessage(), e.expected(), e.found()));
            return;
        }
        List<String> lines = note.text().lines().toList();
        if (lines.size() != 3) {
            findings.add(Finding.mismatch(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 0, null,
                    "signed text lines", "3", Integer.toString(lines.size())));
            return;
        }
        if (!lines.get(0).equals(BundleFormat.MANIFEST_SIGNATURE_HEADER)) {
            findings.add(Finding.mismatch(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 1, null,
                    "header line", BundleFormat.MANIFEST_SIGNATURE_HEADER, lines.get(0)));
        }
        if (!lines.get(1).equals(key.name())) {
            findings.add(Finding.mismatch(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 2, null,
                    "origin line", key.name(), lines.get(1)));
        }
        if (manifestBytes != null) {
            String sha256 = FileDigest.of(manifestBytes).sha256();
            if (!lines.get(2).equals(sha256)) {
                findings.add(Finding.mismatch(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 3, null,
                        "signed SHA-256 of manifest.json", lines.get(2), sha256));
            }
        }
    }

    /** Check 2, presence: the files listed, the manifest and its signature, nothing else. */
    private void checkFileSet(Map<String, Integer> names) {
        Set<String> expected = new LinkedHashSet<>(List.of(MANIFEST_JSON, MANIFEST_SIG));
        expected.addAll(manifest == null ? BundleFormat.MANIFEST_FILES : manifest.files().keySet());
        if (manifest != null) {
            for (String required : BundleFormat.MANIFEST_FILES) {
                if (!manifest.files().containsKey(required)) {
                    findings.add(Finding.of(BundleCheck.FILES, MANIFEST_JSON, 0, null,
                            "doesn't list " + required + ", so its content is not protected"));
                }
            }
            for (String listed : manifest.files().keySet()) {
                if (!BundleFormat.MANIFEST_FILES.contains(listed)) {
                    findings.add(Finding.of(BundleCheck.FILES, MANIFEST_JSON, 0, null,
                            "lists " + listed + ", which is not a file of an export bundle"));
                }
            }
        }
        for (String name : expected) {
            if (!names.containsKey(name)) {
                findings.add(Finding.of(BundleCheck.FILES, name, 0, null, "missing from the bundle"));
            }
        }
        for (Map.Entry<String, Integer> name : names.entrySet()) {
            if (!expected.contains(name.getKey())) {
                findings.add(Finding.of(BundleCheck.FILES, name.getKey(), 0, null,
                        "unexpected file: a bundle holds only " + String.join(", ", BundleFormat.BUNDLE_FILES)));
            } else if (name.getValue() > 1) {
                findings.add(Finding.of(BundleCheck.FILES, name.getKey(), 0, null,
                        "appears " + name.getValue() + " times in the ZIP, want once"));
            }
        }
    }

    /** Check 3. */
    private void checkLogKey(byte[] logKey) {
        if (logKey == null) {
            return;
        }
        String text = utf8OrNull(logKey);
        String want = key.verifierKey();
        if (text == null || !(text.equals(want + "\n") || text.equals(want))) {
            findings.add(Finding.mismatch(BundleCheck.LOG_KEY, LOG_KEY, 1, null,
                    "not the key given to the verifier", want, text == null ? "bytes that are not UTF-8" : text.strip()));
        }
    }

    /** Check 4. */
    private void checkCheckpoint(byte[] signed) {
        if (signed == null) {
            return;
        }
        String text = utf8OrNull(signed);
        if (text == null) {
            findings.add(Finding.of(BundleCheck.CHECKPOINT, CHECKPOINT, 0, null, "not UTF-8"));
            return;
        }
        try {
            checkpoint = Checkpoint.open(text, key);
        } catch (NoteVerificationException e) {
            findings.add(new Finding(BundleCheck.CHECKPOINT, CHECKPOINT, 0, null,
                    "doesn't verify with key " + key.name() + ": " + e.getMessage(), e.expected(), e.found()));
            return;
        }
        if (manifest != null && checkpoint.size() != manifest.checkpointSize()) {
            findings.add(Finding.mismatch(BundleCheck.CHECKPOINT, CHECKPOINT, 2, null,
                    "tree size", manifest.checkpointSize() + " (manifest.json \"checkpointSize\")",
                    Long.toString(checkpoint.size())));
        }
    }

    /** Checks 5, 6 and 7 in one pass over entries.jsonl and entries.csv, and check 2 for both. */
    private void checkEntries() throws IOException {
        ZipEntry jsonlEntry = zip.getEntry(ENTRIES_JSONL);
        ZipEntry csvEntry = zip.getEntry(ENTRIES_CSV);
        if (checkpoint == null) {
            findings.add(Finding.of(BundleCheck.INCLUSION, CHECKPOINT, 0, null,
                    "inclusion proofs not checked: the bundle has no checkpoint that verifies with key " + key.name()));
        }
        if (jsonlEntry == null) {
            if (csvEntry != null) {
                try (DigestingInputStream csvIn = new DigestingInputStream(zip.getInputStream(csvEntry))) {
                    compareDigest(ENTRIES_CSV, csvIn);
                }
            }
            return;
        }
        try (SubjectChains chains = new SubjectChains(tempDirectory, partitions(jsonlEntry));
                DigestingInputStream jsonlIn = new DigestingInputStream(zip.getInputStream(jsonlEntry));
                DigestingInputStream csvIn = csvEntry == null ? null : new DigestingInputStream(zip.getInputStream(csvEntry))) {
            EntryRows rows = new EntryRows(csvIn);
            LineReader lines = new LineReader(jsonlIn, MAX_LINE_BYTES);
            while (true) {
                LineReader.Line line;
                try {
                    line = lines.next();
                } catch (IOException e) {
                    findings.add(Finding.of(BundleCheck.FILES, ENTRIES_JSONL, 0, null, "couldn't read: " + e.getMessage()));
                    break;
                }
                if (line == null) {
                    break;
                }
                entries++;
                checkLine(line, chains, rows);
            }
            rows.reportExtraRows();
            compareDigest(ENTRIES_JSONL, jsonlIn);
            if (csvIn != null) {
                compareDigest(ENTRIES_CSV, csvIn);
            }
            subjects = chains.check(findings);
        }
    }

    private void checkLine(LineReader.Line line, SubjectChains chains, EntryRows rows) throws IOException {
        long n = line.number();
        if (line.tooLong()) {
            findings.add(Finding.of(BundleCheck.ENTRY, ENTRIES_JSONL, n, null,
                    "line longer than " + MAX_LINE_BYTES + " bytes"));
            rows.skip(n);
            return;
        }
        if (!line.terminated()) {
            findings.add(Finding.of(BundleCheck.ENTRY, ENTRIES_JSONL, n, null, "last line doesn't end with LF"));
        }
        EntryLine entry;
        try {
            entry = EntryLine.parse(line.bytes());
        } catch (MalformedLineException e) {
            findings.add(Finding.of(BundleCheck.ENTRY, ENTRIES_JSONL, n, null, e.getMessage()));
            rows.skip(n);
            return;
        }
        EntryLinks links = EntryLinks.parse(entry.canonical());
        String id = links.id();
        if (!links.chainable()) {
            findings.add(Finding.of(BundleCheck.ENTRY, ENTRIES_JSONL, n, id, links.problem()));
        }
        byte[] leafHash = HASHER.hashLeaf(entry.canonical());

        if (fullExport() && entry.leafIndex() > lastLeafIndex + 1) {
            findings.add(Finding.of(BundleCheck.COMPLETENESS, ENTRIES_JSONL, n, id, "leaves " + (lastLeafIndex + 1)
                    + " to " + (entry.leafIndex() - 1) + " are missing from a full export"));
        }
        if (lastLeafIndex >= 0 && entry.leafIndex() <= lastLeafIndex) {
            findings.add(Finding.of(BundleCheck.LEAF_ORDER, ENTRIES_JSONL, n, id, "leaf index " + entry.leafIndex()
                    + " is not after leaf index " + lastLeafIndex + " on line " + lastLeafIndexLine
                    + ": lines must be in ascending leaf order, each index once"));
        }
        lastLeafIndex = entry.leafIndex();
        lastLeafIndexLine = n;
        checkInclusion(n, id, entry, leafHash);

        if (links.chainable()) {
            if (links.seq() == 0 && links.prev() != null) {
                findings.add(Finding.of(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, n, id,
                        "seq 0 starts a chain but has a prev"));
            } else if (links.seq() > 0 && links.prev() == null) {
                findings.add(Finding.of(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, n, id,
                        "seq " + links.seq() + " has no prev"));
            }
            chains.add(links.subject(), links.seq(), leafHash, links.prev(), n, id);
        }
        rows.compare(n, id, entry.leafIndex(), HEX.formatHex(leafHash));
    }

    /** An export without filters must hold every leaf of its checkpoint (check 9). */
    private boolean fullExport() {
        return manifest != null && "{}".equals(manifest.query());
    }

    /** Check 5 for one entry. */
    private void checkInclusion(long n, String id, EntryLine entry, byte[] leafHash) {
        if (checkpoint == null) {
            return;
        }
        if (entry.leafIndex() >= checkpoint.size()) {
            findings.add(Finding.of(BundleCheck.INCLUSION, ENTRIES_JSONL, n, id, "leaf index " + entry.leafIndex()
                    + " is outside the checkpoint's tree of size " + checkpoint.size()));
            return;
        }
        try {
            byte[] root = ProofVerifier.rootFromInclusionProof(
                    HASHER, entry.leafIndex(), checkpoint.size(), leafHash, entry.proof());
            if (!Arrays.equals(root, checkpoint.rootHash())) {
                Base64.Encoder b64 = Base64.getEncoder();
                findings.add(new Finding(BundleCheck.INCLUSION, ENTRIES_JSONL, n, id,
                        "leaf hash " + HEX.formatHex(leafHash) + " and proof give root " + b64.encodeToString(root)
                                + " at leaf index " + entry.leafIndex() + ", want the checkpoint's root "
                                + b64.encodeToString(checkpoint.rootHash()),
                        b64.encodeToString(checkpoint.rootHash()), b64.encodeToString(root)));
            }
        } catch (WrongProofSizeException e) {
            findings.add(Finding.mismatch(BundleCheck.INCLUSION, ENTRIES_JSONL, n, id,
                    "proof hashes for leaf index " + entry.leafIndex() + " in a tree of size " + checkpoint.size(),
                    Integer.toString(e.want()), Integer.toString(e.got())));
        }
    }

    /**
     * Check 7: entries.csv read alongside entries.jsonl, row i against line i; no cell of a row
     * may be one a spreadsheet would run.
     */
    private final class EntryRows {
        private final CsvReader csv;
        private boolean usable;
        private long jsonlLines;

        EntryRows(InputStream in) {
            this.csv = in == null ? null : new CsvReader(in);
            this.usable = csv != null;
            CsvReader.Row header = next();
            if (usable && header == null) {
                findings.add(Finding.of(BundleCheck.CSV, ENTRIES_CSV, 1, null, "empty, want a header row"));
            } else if (header != null && !header.fields().equals(BundleFormat.CSV_COLUMNS)) {
                findings.add(Finding.mismatch(BundleCheck.CSV, ENTRIES_CSV, header.line(), null, "header",
                        String.join(",", BundleFormat.CSV_COLUMNS), String.join(",", header.fields())));
            }
        }

        void skip(long line) {
            jsonlLines = line;
            next();
        }

        void compare(long line, String id, long leafIndex, String leafHashHex) {
            jsonlLines = line;
            if (!usable) {
                return;
            }
            CsvReader.Row row = next();
            if (row == null) {
                if (usable) {
                    findings.add(Finding.of(BundleCheck.CSV, ENTRIES_JSONL, line, id, "no row in entries.csv for this line"));
                }
                return;
            }
            if (row.fields().size() != BundleFormat.CSV_COLUMNS.size()) {
                findings.add(Finding.mismatch(BundleCheck.CSV, ENTRIES_CSV, row.line(), id, "number of fields",
                        Integer.toString(BundleFormat.CSV_COLUMNS.size()), Integer.toString(row.fields().size())));
                return;
            }
            for (int column = 0; column < row.fields().size(); column++) {
                String cell = row.fields().get(column);
                if (CsvRows.runsAsFormula(cell)) {
                    findings.add(Finding.mismatch(BundleCheck.CSV, ENTRIES_CSV, row.line(), id,
                            BundleFormat.CSV_COLUMNS.get(column) + " would run as a spreadsheet formula",
                            CsvRows.neutralised(cell), cell));
                }
            }
            expect(row, BundleFormat.CSV_LEAF_INDEX, Long.toString(leafIndex), line, id);
            expect(row, BundleFormat.CSV_ENTRY_ID, id, line, id);
            expect(row, BundleFormat.CSV_LEAF_HASH, leafHashHex, line, id);
        }

        /** Compares a cell with the value entries.jsonl gives it, neutralised as the writer does. */
        private void expect(CsvReader.Row row, int column, String value, long line, String id) {
            String got = row.fields().get(column);
            String want = value == null ? null : CsvRows.neutralised(value);
            if (want != null && !got.equals(want)) {
                findings.add(Finding.mismatch(BundleCheck.CSV, ENTRIES_CSV, row.line(), id,
                        BundleFormat.CSV_COLUMNS.get(column) + " differs from " + ENTRIES_JSONL + " line " + line,
                        want, got));
            }
        }

        void reportExtraRows() {
            CsvReader.Row row;
            while (usable && (row = next()) != null) {
                findings.add(Finding.of(BundleCheck.CSV, ENTRIES_CSV, row.line(), null,
                        "row has no line in " + ENTRIES_JSONL + ", which has " + jsonlLines + " lines"));
            }
        }

        /** The next row, or null at the end or once the CSV turned out unreadable. */
        private CsvReader.Row next() {
            if (!usable) {
                return null;
            }
            try {
                return csv.next();
            } catch (MalformedCsvException e) {
                findings.add(Finding.of(BundleCheck.CSV, ENTRIES_CSV, e.line, null,
                        "not RFC 4180 CSV: " + e.getMessage() + "; rows after this are not compared"));
            } catch (IOException e) {
                findings.add(Finding.of(BundleCheck.FILES, ENTRIES_CSV, 0, null, "couldn't read: " + e.getMessage()));
            }
            usable = false;
            return null;
        }
    }

    /** Enough partitions that each holds about linksPerPartition entries. */
    private int partitions(ZipEntry jsonl) {
        long expected = manifest != null ? manifest.entries()
                // Without a usable manifest, estimate from the size: a line is at least ~300 bytes.
                : Math.max(0, jsonl.getSize()) / 300;
        return (int) Math.max(1, Math.min(256, (expected + linksPerPartition - 1) / linksPerPartition));
    }

    /** Reads a small listed file and checks its size and SHA-256 (check 2). */
    private byte[] readListed(String name) throws IOException {
        byte[] content = readSmall(name);
        if (content != null) {
            compare(name, FileDigest.of(content));
        }
        return content;
    }

    private void compareDigest(String name, DigestingInputStream in) {
        try {
            compare(name, in.drainAndDigest());
        } catch (IOException e) {
            findings.add(Finding.of(BundleCheck.FILES, name, 0, null, "couldn't read: " + e.getMessage()));
        }
    }

    private void compare(String name, FileDigest got) {
        if (manifest == null) {
            return;
        }
        FileDigest want = manifest.files().get(name);
        if (want != null && !want.equals(got)) {
            findings.add(Finding.mismatch(BundleCheck.FILES, name, 0, null, "content differs from manifest.json",
                    want.bytes() + " bytes with SHA-256 " + want.sha256(),
                    got.bytes() + " bytes with SHA-256 " + got.sha256()));
        }
    }

    /** The content of a small file, or null if absent, too large or unreadable (a finding then). */
    private byte[] readSmall(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes(MAX_SMALL_FILE + 1);
            if (content.length > MAX_SMALL_FILE) {
                findings.add(Finding.of(BundleCheck.FILES, name, 0, null, "larger than " + MAX_SMALL_FILE + " bytes"));
                return null;
            }
            return content;
        } catch (ZipException e) {
            findings.add(Finding.of(BundleCheck.FILES, name, 0, null, "couldn't read: " + e.getMessage()));
            return null;
        }
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
