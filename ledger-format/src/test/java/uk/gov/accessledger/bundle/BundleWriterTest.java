package uk.gov.accessledger.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Note;
import uk.gov.accessledger.logformat.SignedNote;

class BundleWriterTest {

    private static final TestLog LOG = TestLog.chained(5, 2);

    @TempDir
    Path temp;

    @Test
    void writesTheSixFilesOfTheSpec() throws Exception {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());

        assertThat(files.keySet()).containsExactly("entries.jsonl", "entries.csv", "checkpoint", "log-key",
                "manifest.json", "manifest.sig");
        assertThat(ZipFiles.text(files, "checkpoint")).isEqualTo(LOG.signedCheckpoint());
        assertThat(ZipFiles.text(files, "log-key")).isEqualTo(LOG.signer.verifierKey() + "\n");
    }

    @Test
    void writesCanonicalManifestListingEveryOtherFile() throws Exception {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        byte[] manifest = files.get("manifest.json");

        assertThat(CanonicalJson.canonicalize(manifest)).isEqualTo(manifest);
        JsonNode json = new ObjectMapper().readTree(manifest);
        assertThat(json.get("format").asText()).isEqualTo("access-ledger-export/v1");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(json.get("query").toString()).isEqualTo("{\"from\":\"2026-01-01\",\"organisation\":\"gp-riverside\"}");
        assertThat(json.get("entries").asLong()).isEqualTo(5);
        assertThat(json.get("checkpointSize").asLong()).isEqualTo(5);
        for (String name : List.of("checkpoint", "entries.csv", "entries.jsonl", "log-key")) {
            assertThat(json.get("files").get(name).get("bytes").asLong()).as(name).isEqualTo(files.get(name).length);
            assertThat(json.get("files").get(name).get("sha256").asText()).as(name).isEqualTo(sha256(files.get(name)));
        }
        assertThat(json.get("files").size()).isEqualTo(4);
    }

    @Test
    void signsManifestHashWithTheLogKey() throws Exception {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());

        Note note = SignedNote.open(files.get("manifest.sig"), LOG.signer.verifier());

        assertThat(note.text()).isEqualTo("access-ledger/export/v1\n" + TestLog.ORIGIN + "\n"
                + sha256(files.get("manifest.json")) + "\n");
    }

    @Test
    void writesOneCanonicalJsonLinePerEntry() {
        byte[] line = EntryLine.write(LOG.exported(3));
        String text = new String(line, StandardCharsets.US_ASCII);

        assertThat(text).endsWith("\n").startsWith("{\"canonical\":\"").contains(",\"leafIndex\":3,\"proof\":[\"");
        byte[] json = new String(line, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        assertThat(CanonicalJson.canonicalize(json)).isEqualTo(json);
    }

    @Test
    void writesRfc4180CsvWithHeaderQuotingAndCrlf() throws Exception {
        Map<String, byte[]> files = ZipFiles.read(LOG.bundle());
        String csv = ZipFiles.text(files, "entries.csv");
        String[] rows = csv.split("\r\n", -1);

        assertThat(rows[0]).isEqualTo(String.join(",", BundleFormat.CSV_COLUMNS));
        assertThat(rows).hasSize(7);
        assertThat(rows[6]).isEmpty();
        assertThat(rows[2]).isEqualTo("1," + TestLog.entryId(1) + ",access,2026-11-25T09:31:02.250Z,2026-11-25T09:30:00.000Z,"
                + "gp-riverside,Riverside GP practice,gp-riverside-patient-record,Riverside patient record,"
                + "\"GP, \"\"senior\"\" partner\",dpv:Consult,Looked at your records,al:DirectCare,Your direct care,"
                + "ukgdpr:9.2.h,Health or social care (UK GDPR Article 9(2)(h)),pd:HealthRecord; pd:Prescription,false,,"
                + TestLog.subject(1) + ",0," + HexFormat.of().formatHex(LOG.leafHash(1)));
    }

    @Test
    void writesTheSameBytesForTheSameExport() throws Exception {
        assertThat(LOG.bundle()).isEqualTo(LOG.bundle());
    }

    @Test
    void refusesLeafIndexesOutOfOrder() throws IOException {
        try (BundleWriter writer = open(new ByteArrayOutputStream())) {
            writer.write(LOG.exported(2));

            assertThatThrownBy(() -> writer.write(LOG.exported(2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("requires ascending leaf indexes: got 2 after 2");
            assertThatThrownBy(() -> writer.write(LOG.exported(1))).isInstanceOf(IllegalArgumentException.class);
            writer.write(LOG.exported(4));
            assertThat(writer.entries()).isEqualTo(2);
        }
    }

    @Test
    void refusesLeafIndexOutsideTheCheckpointsTree() throws IOException {
        ExportedEntry beyond = new ExportedEntry(5, LOG.canonical.get(4), LOG.proof(4), LOG.exported(4).row());

        try (BundleWriter writer = open(new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> writer.write(beyond))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("requires a leaf index inside the checkpoint's tree: got 5, tree size 5");
        }
    }

    @Test
    void refusesCheckpointNotSignedByTheSigner() {
        String otherLogs = new Checkpoint(TestLog.ORIGIN, 5, LOG.root()).sign(TestLog.signer(TestLog.ORIGIN, 99));

        assertThatThrownBy(() -> BundleWriter.open(new ByteArrayOutputStream(), LOG.signer, otherLogs,
                        TestLog.QUERY, TestLog.CREATED_AT, temp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requires a checkpoint signed by the bundle's signer");
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void refusesWritingAfterFinish() throws IOException {
        try (BundleWriter writer = open(new ByteArrayOutputStream())) {
            writer.finish();

            assertThatThrownBy(() -> writer.write(LOG.exported(0))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void abandonedBundleIsNotAReadableZipAndLeavesNoTemporaryFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter writer = open(out)) {
            writer.write(LOG.exported(0));
            writer.write(LOG.exported(1));
            // The export fails here: no finish().
        }
        Path partial = Files.createTempFile("partial", ".zip");
        try {
            Files.write(partial, out.toByteArray());

            assertThat(temp).isEmptyDirectory();
            assertThatThrownBy(() -> new ZipFile(partial.toFile()).close()).isInstanceOf(ZipException.class);
        } finally {
            Files.delete(partial);
        }
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (BundleWriter writer = open(out)) {
            writer.write(LOG.exported(0));
            writer.finish();
        }

        assertThat(closed[0]).isFalse();
        assertThat(ZipFiles.read(out.toByteArray())).hasSize(6);
        assertThat(temp).isEmptyDirectory();
    }

    private BundleWriter open(ByteArrayOutputStream out) throws IOException {
        return BundleWriter.open(out, LOG.signer, LOG.signedCheckpoint(), TestLog.QUERY, TestLog.CREATED_AT, temp);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
