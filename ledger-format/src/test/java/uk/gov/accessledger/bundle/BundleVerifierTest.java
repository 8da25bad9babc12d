package uk.gov.accessledger.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.accessledger.bundle.BundleFormat.CHECKPOINT;
import static uk.gov.accessledger.bundle.BundleFormat.ENTRIES_CSV;
import static uk.gov.accessledger.bundle.BundleFormat.ENTRIES_JSONL;
import static uk.gov.accessledger.bundle.BundleFormat.LOG_KEY;
import static uk.gov.accessledger.bundle.BundleFormat.MANIFEST_JSON;
import static uk.gov.accessledger.bundle.BundleFormat.MANIFEST_SIG;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerifier;

class BundleVerifierTest {

    // 21 leaves: not a power of two, so proofs have both inner and border parts.
    private static final TestLog LOG = TestLog.chained(21, 3);
    private static final NoteVerifier KEY = LOG.signer.verifier();

    @TempDir
    Path temp;

    private BundleReport verify(byte[] bundle) throws IOException {
        return verify(bundle, KEY);
    }

    private BundleReport verify(byte[] bundle, NoteVerifier key) throws IOException {
        Path file = temp.resolve("bundle-" + System.nanoTime() + ".zip");
        Files.write(file, bundle);
        return new BundleVerifier(key, temp, 1000, 100).verify(file);
    }

    private static BundleReport verifyOk(BundleReport report) {
        assertThat(report.findings()).as("findings").isEmpty();
        assertThat(report.ok()).isTrue();
        return report;
    }

    private static Finding finding(BundleCheck check, String file, long line, String entryId) {
        return new Finding(check, file, line, entryId, "", null, null);
    }

    /** Asserts exactly these (check, file, line, entry) findings, in the report's order. */
    private static void assertFindings(BundleReport report, Finding... expected) {
        assertThat(report.ok()).isFalse();
        assertThat(report.findings())
                .as("findings, as (check, file, line, entry)")
                .usingElementComparator((a, b) -> a.check() == b.check() && a.file().equals(b.file())
                        && a.line() == b.line() && Objects.equals(a.entryId(), b.entryId()) ? 0 : 1)
                .containsExactly(expected);
    }

    private static List<String> lines(Map<String, byte[]> files, String name, String separator) {
        String text = ZipFiles.text(files, name);
        return new ArrayList<>(List.of(text.substring(0, text.length() - separator.length()).split(separator, -1)));
    }

    private static void putLines(Map<String, byte[]> files, String name, String separator, List<String> lines) {
        ZipFiles.putText(files, name, String.join(separator, lines) + separator);
    }

    @Test
    void verifiesBundleOfEveryEntry() throws IOException {
        BundleReport report = verifyOk(verify(LOG.bundle()));

        assertThat(report.entries()).isEqualTo(21);
        assertThat(report.subjects()).isEqualTo(3);
        assertThat(report.origin()).isEqualTo(TestLog.ORIGIN);
        assertThat(report.checkpointSize()).isEqualTo(21);
        assertThat(report.checkpointRoot()).isEqualTo(Base64.getEncoder().encodeToString(LOG.root()));
        assertThat(report.createdAt()).isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(report.query()).isEqualTo("{\"from\":\"2026-01-01\",\"organisation\":\"gp-riverside\"}");
    }

    @Test
    void verifiesFilteredExportWhoseChainsHaveGaps() throws IOException {
        // Every third entry of subject 0 is left out, and all of subject 2: chains have holes.
        List<Integer> some = IntStream.range(0, 21).filter(i -> i % 3 == 1 || i % 9 != 0 && i % 3 == 0).boxed().toList();

        BundleReport report = verifyOk(verify(LOG.bundle(some)));

        assertThat(report.entries()).isEqualTo(some.size());
        assertThat(report.subjects()).isEqualTo(2);
    }

    @Test
    void verifiesEmptyExport() throws IOException {
        BundleReport report = verifyOk(verify(LOG.bundle(List.of())));

        assertThat(report.entries()).isZero();
        assertThat(report.subjects()).isZero();
    }

    @Test
    void verifiesSingleLeafLogWhoseProofIsEmpty() throws IOException {
        TestLog one = TestLog.chained(1, 1);

        verifyOk(verify(one.bundle()));
    }

    @Test
    void verifiesFromInputStream() throws IOException {
        BundleReport report = new BundleVerifier(KEY).withTempDirectory(temp)
                .verify(new ByteArrayInputStream(LOG.bundle()));

        verifyOk(report);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void checksChainsSpilledAcrossManyPartitions() throws IOException {
        TestLog big = TestLog.chained(600, 40, (i, entry) -> {
            if (i == 517) {
                entry.put("prev", "00".repeat(32));
            }
        });
        Path file = temp.resolve("big.zip");
        Files.write(file, big.bundle());

        // About 600 / 7 partitions, each checked on its own.
        BundleReport report = new BundleVerifier(KEY, temp, 7, 100).verify(file);

        assertFindings(report, finding(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, 518, TestLog.entryId(517)));
        assertThat(report.subjects()).isEqualTo(40);
        assertThat(Files.list(temp).map(Path::getFileName).map(Path::toString)).containsExactly("big.zip");
    }

    // Tamper cases. Each names exactly the check, file, line and entry that fail.

    @Test
    void rejectsEditedCsvCell() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.putText(files, ENTRIES_CSV, ZipFiles.text(files, ENTRIES_CSV).replaceFirst("Your direct care", "Fraud prevention"));

        assertFindings(verify(ZipFiles.write(files)), finding(BundleCheck.FILES, ENTRIES_CSV, 0, null));
    }

    @Test
    void rejectsEditedCsvCellWhenManifestHashIsUpdatedWithoutTheKey() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        byte[] signature = files.get(MANIFEST_SIG);
        ZipFiles.putText(files, ENTRIES_CSV, ZipFiles.text(files, ENTRIES_CSV).replaceFirst("Your direct care", "Fraud prevention"));
        ZipFiles.reseal(files, TestLog.signer(TestLog.ORIGIN, 99));
        files.put(MANIFEST_SIG, signature);

        assertFindings(verify(ZipFiles.write(files)), finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 3, null));
    }

    @Test
    void rejectsCsvRowThatDoesNotMatchItsLine() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> rows = lines(files, ENTRIES_CSV, "\r\n");
        rows.set(5, rows.get(5).replaceFirst("^4,", "40,"));
        putLines(files, ENTRIES_CSV, "\r\n", rows);
        ZipFiles.reseal(files, LOG.signer);

        BundleReport report = verify(ZipFiles.write(files));

        // Row 5 (line 6 after the header) is entry 4's.
        assertFindings(report, finding(BundleCheck.CSV, ENTRIES_CSV, 6, TestLog.entryId(4)));
        assertThat(report.findings().get(0).problem())
                .isEqualTo("leaf_index differs from entries.jsonl line 5: got 40, want 4");
    }

    @Test
    void rejectsRemovedJsonlLine() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> lines = lines(files, ENTRIES_JSONL, "\n");
        lines.remove(20);
        putLines(files, ENTRIES_JSONL, "\n", lines);

        assertFindings(verify(ZipFiles.write(files)),
                finding(BundleCheck.FILES, ENTRIES_JSONL, 0, null),
                finding(BundleCheck.CSV, ENTRIES_CSV, 22, null),
                finding(BundleCheck.ENTRY_COUNT, ENTRIES_JSONL, 0, null));
    }

    @Test
    void rejectsRemovedJsonlLineFromTheMiddleEvenWhenResealed() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> lines = lines(files, ENTRIES_JSONL, "\n");
        lines.remove(19);
        putLines(files, ENTRIES_JSONL, "\n", lines);
        ZipFiles.reseal(files, LOG.signer);

        // Line 20 now holds entry 20, but CSV row 20 (line 21) is still entry 19's.
        BundleReport report = verify(ZipFiles.write(files));
        assertFindings(report,
                finding(BundleCheck.CSV, ENTRIES_CSV, 21, TestLog.entryId(20)),
                finding(BundleCheck.CSV, ENTRIES_CSV, 21, TestLog.entryId(20)),
                finding(BundleCheck.CSV, ENTRIES_CSV, 21, TestLog.entryId(20)),
                finding(BundleCheck.CSV, ENTRIES_CSV, 22, null),
                finding(BundleCheck.ENTRY_COUNT, ENTRIES_JSONL, 0, null));
        assertThat(report.findings().get(4).problem())
                .isEqualTo("number of lines: got 20, want 21 (manifest.json \"entries\")");
    }

    @Test
    void rejectsRemovedCsvRow() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> rows = lines(files, ENTRIES_CSV, "\r\n");
        rows.remove(21);
        putLines(files, ENTRIES_CSV, "\r\n", rows);

        assertFindings(verify(ZipFiles.write(files)),
                finding(BundleCheck.FILES, ENTRIES_CSV, 0, null),
                finding(BundleCheck.CSV, ENTRIES_JSONL, 21, TestLog.entryId(20)));
    }

    @Test
    void rejectsSwappedProofs() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> lines = lines(files, ENTRIES_JSONL, "\n");
        String proof3 = lines.get(3).substring(lines.get(3).indexOf(",\"proof\""));
        String proof4 = lines.get(4).substring(lines.get(4).indexOf(",\"proof\""));
        lines.set(3, lines.get(3).replace(proof3, proof4));
        lines.set(4, lines.get(4).replace(proof4, proof3));
        putLines(files, ENTRIES_JSONL, "\n", lines);

        assertFindings(verify(ZipFiles.write(files)),
                finding(BundleCheck.FILES, ENTRIES_JSONL, 0, null),
                finding(BundleCheck.INCLUSION, ENTRIES_JSONL, 4, TestLog.entryId(3)),
                finding(BundleCheck.INCLUSION, ENTRIES_JSONL, 5, TestLog.entryId(4)));

        ZipFiles.reseal(files, LOG.signer);
        BundleReport resealed = verify(ZipFiles.write(files));
        assertFindings(resealed,
                finding(BundleCheck.INCLUSION, ENTRIES_JSONL, 4, TestLog.entryId(3)),
                finding(BundleCheck.INCLUSION, ENTRIES_JSONL, 5, TestLog.entryId(4)));
        assertThat(resealed.findings().get(0).expected()).isEqualTo(Base64.getEncoder().encodeToString(LOG.root()));
    }

    @Test
    void rejectsChangedByteInCanonicalEntry() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> lines = lines(files, ENTRIES_JSONL, "\n");
        String encoded = lines.get(7).substring(14, lines.get(7).indexOf("\",\"leafIndex\""));
        String edited = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)
                .replace("\"staffRole\":\"GP\"", "\"staffRole\":\"GQ\"");
        lines.set(7, lines.get(7).replace(encoded, Base64.getEncoder().encodeToString(edited.getBytes(StandardCharsets.UTF_8))));
        putLines(files, ENTRIES_JSONL, "\n", lines);
        ZipFiles.reseal(files, LOG.signer);

        // Entry 7's leaf hash changes: its proof fails, its CSV leaf_hash no longer matches, and
        // the next entry of its subject (entry 10, line 11) no longer links to it.
        assertFindings(verify(ZipFiles.write(files)),
                finding(BundleCheck.INCLUSION, ENTRIES_JSONL, 8, TestLog.entryId(7)),
                finding(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, 11, TestLog.entryId(10)),
                finding(BundleCheck.CSV, ENTRIES_CSV, 9, TestLog.entryId(7)));
    }

    @Test
    void rejectsCheckpointSignedByAnotherKey() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        Ed25519NoteSigner impostor = TestLog.signer(TestLog.ORIGIN, 99);
        ZipFiles.putText(files, CHECKPOINT, new Checkpoint(TestLog.ORIGIN, 21, LOG.root()).sign(impostor));

        BundleReport report = verify(ZipFiles.write(files));

        assertFindings(report,
                finding(BundleCheck.FILES, CHECKPOINT, 0, null),
                finding(BundleCheck.CHECKPOINT, CHECKPOINT, 0, null),
                finding(BundleCheck.INCLUSION, CHECKPOINT, 0, null));
        assertThat(report.findings().get(1).problem()).contains("no known signature");
        assertThat(report.checkpointSize()).isEqualTo(-1);
    }

    @Test
    void rejectsCheckpointWithAnotherRootEvenWhenSignedAndResealed() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.putText(files, CHECKPOINT, new Checkpoint(TestLog.ORIGIN, 21, new byte[32]).sign(LOG.signer));
        ZipFiles.reseal(files, LOG.signer);

        BundleReport report = verify(ZipFiles.write(files));

        assertThat(report.findings()).hasSize(21).allSatisfy(f -> {
            assertThat(f.check()).isEqualTo(BundleCheck.INCLUSION);
            assertThat(f.expected()).isEqualTo(Base64.getEncoder().encodeToString(new byte[32]));
        });
    }

    @Test
    void rejectsCheckpointTextEditedUnderItsSignature() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        String root = Base64.getEncoder().encodeToString(LOG.root());
        ZipFiles.putText(files, CHECKPOINT, ZipFiles.text(files, CHECKPOINT).replace(root, Base64.getEncoder().encodeToString(new byte[32])));
        ZipFiles.reseal(files, LOG.signer);

        BundleReport report = verify(ZipFiles.write(files));

        assertFindings(report,
                finding(BundleCheck.CHECKPOINT, CHECKPOINT, 0, null),
                finding(BundleCheck.INCLUSION, CHECKPOINT, 0, null));
        assertThat(report.findings().get(0).problem()).contains("invalid signature");
    }

    @Test
    void rejectsCheckpointSizeOtherThanManifests() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.reseal(files, LOG.signer, manifest -> manifest.put("checkpointSize", 22));

        assertFindings(verify(ZipFiles.write(files)), finding(BundleCheck.CHECKPOINT, CHECKPOINT, 2, null));
    }

    @Test
    void rejectsEditedManifest() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.putText(files, MANIFEST_JSON, ZipFiles.text(files, MANIFEST_JSON).replace("gp-riverside", "gp-hillside"));

        BundleReport report = verify(ZipFiles.write(files));

        assertFindings(report, finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 3, null));
        assertThat(report.findings().get(0).problem()).startsWith("signed SHA-256 of manifest.json: got ");
    }

    @Test
    void rejectsManifestSignatureByAnotherKey() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.reseal(files, TestLog.signer(TestLog.ORIGIN, 99));

        assertFindings(verify(ZipFiles.write(files)), finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 0, null));
    }

    @Test
    void rejectsManifestSignatureOverAnotherKindOfNote() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        String signature = ZipFiles.text(files, MANIFEST_SIG);
        // A checkpoint is a note signed by the same key: it must never pass for a manifest signature.
        files.put(MANIFEST_SIG, files.get(CHECKPOINT));

        assertThat(signature).startsWith(BundleFormat.MANIFEST_SIGNATURE_HEADER + "\n" + TestLog.ORIGIN + "\n");
        assertFindings(verify(ZipFiles.write(files)),
                finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 1, null),
                finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 2, null),
                finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 3, null));
    }

    @Test
    void rejectsExtraFile() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.putText(files, "README.txt", "nothing to see here\n");

        BundleReport report = verify(ZipFiles.write(files));

        assertFindings(report, finding(BundleCheck.FILES, "README.txt", 0, null));
        assertThat(report.findings().get(0).problem()).startsWith("unexpected file");
    }

    @Test
    void rejectsMissingFile() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        files.remove(LOG_KEY);

        assertFindings(verify(ZipFiles.write(files)), finding(BundleCheck.FILES, LOG_KEY, 0, null));
    }

    @Test
    void rejectsManifestThatDoesNotListAFile() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.reseal(files, LOG.signer, manifest -> manifest.with("files").remove(ENTRIES_CSV));

        assertFindings(verify(ZipFiles.write(files)),
                finding(BundleCheck.FILES, ENTRIES_CSV, 0, null),
                finding(BundleCheck.FILES, MANIFEST_JSON, 0, null));
    }

    @Test
    void rejectsManifestOfAnotherFormat() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.reseal(files, LOG.signer, manifest -> manifest.put("format", "access-ledger-export/v2"));

        BundleReport report = verify(ZipFiles.write(files));

        assertFindings(report, finding(BundleCheck.MANIFEST, MANIFEST_JSON, 0, null));
        assertThat(report.findings().get(0).problem())
                .isEqualTo("unsupported format: got \"access-ledger-export/v2\", want \"access-ledger-export/v1\"");
    }

    @Test
    void rejectsLogKeyOtherThanTheTrustedOne() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        ZipFiles.putText(files, LOG_KEY, TestLog.signer(TestLog.ORIGIN, 99).verifierKey() + "\n");
        ZipFiles.reseal(files, LOG.signer);

        assertFindings(verify(ZipFiles.write(files)), finding(BundleCheck.LOG_KEY, LOG_KEY, 1, null));
    }

    @Test
    void rejectsBrokenSubjectChainLink() throws IOException {
        // The log itself holds entry 13 with a wrong prev: its proof is fine, its chain is not.
        TestLog broken = TestLog.chained(21, 3, (i, entry) -> {
            if (i == 13) {
                entry.put("prev", TestLog.entryId(0).replace("-", "").repeat(2));
            }
        });

        BundleReport report = verify(broken.bundle());

        assertFindings(report, finding(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, 14, TestLog.entryId(13)));
        assertThat(report.findings().get(0).problem()).startsWith("prev is not the leaf hash of seq 3 on entries.jsonl line 11 (entry "
                + TestLog.entryId(10) + "): got ");
    }

    @Test
    void rejectsTwoEntriesWithOneSeqInASubjectChain() throws IOException {
        TestLog forked = TestLog.chained(21, 3, (i, entry) -> {
            if (i == 16) {
                entry.put("seq", 4);
                entry.put("prev", HexFormat.of().formatHex(LOG.leafHash(10)));
            }
        });

        BundleReport report = verify(forked.bundle());

        // Entry 16 repeats seq 4 of entry 13 (same subject, both after entry 10); entry 19
        // (seq 6) links to entry 16 but there is no seq 5 any more.
        assertFindings(report, finding(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, 17, TestLog.entryId(16)));
        assertThat(report.findings().get(0).problem()).isEqualTo("seq 4 appears twice in this subject's chain: also on "
                + "entries.jsonl line 14 (entry " + TestLog.entryId(13) + ")");
    }

    @Test
    void rejectsFirstEntryOfAChainWithAPrev() throws IOException {
        TestLog broken = TestLog.chained(21, 3, (i, entry) -> {
            if (i == 1) {
                entry.put("prev", "ab".repeat(32));
            }
        });

        assertFindings(verify(broken.bundle()), finding(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, 2, TestLog.entryId(1)));
    }

    @Test
    void rejectsWrongKey() throws IOException {
        BundleReport report = verify(LOG.bundle(), TestLog.signer("someone-else.example/log", 7).verifier());

        assertFindings(report,
                finding(BundleCheck.MANIFEST_SIGNATURE, MANIFEST_SIG, 0, null),
                finding(BundleCheck.LOG_KEY, LOG_KEY, 1, null),
                finding(BundleCheck.CHECKPOINT, CHECKPOINT, 0, null),
                finding(BundleCheck.INCLUSION, CHECKPOINT, 0, null));
    }

    @Test
    void rejectsLinesOutOfLeafOrder() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> lines = lines(files, ENTRIES_JSONL, "\n");
        List<String> rows = lines(files, ENTRIES_CSV, "\r\n");
        Collections.swap(lines, 8, 9);
        Collections.swap(rows, 9, 10);
        putLines(files, ENTRIES_JSONL, "\n", lines);
        putLines(files, ENTRIES_CSV, "\r\n", rows);
        ZipFiles.reseal(files, LOG.signer);

        // Line 9 holds entry 9, line 10 entry 8.
        assertFindings(verify(ZipFiles.write(files)), finding(BundleCheck.LEAF_ORDER, ENTRIES_JSONL, 10, TestLog.entryId(8)));
    }

    @Test
    void rejectsRepeatedLine() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> lines = lines(files, ENTRIES_JSONL, "\n");
        List<String> rows = lines(files, ENTRIES_CSV, "\r\n");
        lines.add(6, lines.get(5));
        rows.add(7, rows.get(6));
        putLines(files, ENTRIES_JSONL, "\n", lines);
        putLines(files, ENTRIES_CSV, "\r\n", rows);
        ZipFiles.reseal(files, LOG.signer, manifest -> manifest.put("entries", 22));

        assertFindings(verify(ZipFiles.write(files)),
                finding(BundleCheck.LEAF_ORDER, ENTRIES_JSONL, 7, TestLog.entryId(5)),
                finding(BundleCheck.SUBJECT_CHAIN, ENTRIES_JSONL, 7, TestLog.entryId(5)));
    }

    @Test
    void rejectsMalformedLines() throws IOException {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        List<String> lines = lines(files, ENTRIES_JSONL, "\n");
        lines.set(2, "{\"canonical\":\"e30=\",\"leafIndex\":2}");
        lines.set(3, "not json");
        lines.set(4, lines.get(4).replace("\"leafIndex\":4", "\"leafIndex\":4,\"extra\":true"));
        putLines(files, ENTRIES_JSONL, "\n", lines);
        ZipFiles.reseal(files, LOG.signer);

        BundleReport report = verify(ZipFiles.write(files));

        assertFindings(report,
                finding(BundleCheck.ENTRY, ENTRIES_JSONL, 3, null),
                finding(BundleCheck.ENTRY, ENTRIES_JSONL, 4, null),
                finding(BundleCheck.ENTRY, ENTRIES_JSONL, 5, null));
        assertThat(report.findings().get(0).problem()).isEqualTo("\"proof\" is missing");
        assertThat(report.findings().get(1).problem()).startsWith("not JSON: Unrecognized token 'not'");
        assertThat(report.findings().get(2).problem()).isEqualTo("unexpected field \"extra\"");
    }

    @Test
    void rejectsCanonicalEntryWithDuplicateKey() throws IOException {
        TestLog log = TestLog.chained(3, 1);
        // Two readers could see two subjects in these bytes: the verifier must refuse them.
        byte[] duplicate = new String(log.canonical.get(2), StandardCharsets.UTF_8)
                .replace("{", "{\"subject\":\"" + TestLog.subject(5) + "\",").getBytes(StandardCharsets.UTF_8);
        log.canonical.set(2, duplicate);

        BundleReport report = verify(log.bundle());

        assertFindings(report, finding(BundleCheck.ENTRY, ENTRIES_JSONL, 3, TestLog.entryId(2)));
        assertThat(report.findings().get(0).problem()).contains("Duplicate field 'subject'");
    }

    @Test
    void reportsAtMostABoundedNumberOfFindingsPerCheck() throws IOException {
        TestLog big = TestLog.chained(300, 1);
        Map<String, byte[]> files = ZipFiles.read(big.bundle());
        ZipFiles.putText(files, CHECKPOINT, new Checkpoint(TestLog.ORIGIN, 300, new byte[32]).sign(big.signer));
        ZipFiles.reseal(files, big.signer);

        BundleReport report = verify(ZipFiles.write(files));

        assertThat(report.findings()).hasSize(100);
        assertThat(report.omittedFindings()).isEqualTo(200);
    }

    @Test
    void escapesControlCharactersOfUntrustedEntryIds() throws IOException {
        TestLog spoofing = TestLog.chained(2, 1, (i, entry) -> {
            if (i == 1) {
                entry.put("id", "x\nOK everything verified\u202e");
                entry.put("prev", "00".repeat(32));
            }
        });

        BundleReport report = verify(spoofing.bundle());

        assertThat(report.findings()).singleElement()
                .extracting(Finding::entryId).isEqualTo("x\\u000aOK everything verified\\u202e");
        assertThat(report.findings().get(0).toString()).doesNotContain("\n");
    }

    @Test
    void refusesFileThatIsNotAZip() throws IOException {
        Path file = temp.resolve("not.zip");
        Files.writeString(file, "PK but not really");

        assertThatThrownBy(() -> new BundleVerifier(KEY).verify(file)).isInstanceOf(IOException.class);
    }

    @Test
    void findingNamesCheckFileLineAndEntry() {
        Finding f = Finding.mismatch(BundleCheck.CSV, ENTRIES_CSV, 6, "id-1", "leaf_index differs", "4", "40");

        assertThat(f).hasToString("csv: entries.csv:6 entry id-1: leaf_index differs: got 40, want 4");
        assertThat(Finding.of(BundleCheck.FILES, "x", 0, null, "missing")).hasToString("files: x: missing");
    }
}
