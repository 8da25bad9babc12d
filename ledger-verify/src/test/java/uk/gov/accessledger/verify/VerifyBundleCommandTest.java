package uk.gov.accessledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyBundleCommandTest {

    private static final String KEY = TestTrees.logSigner().verifierKey();

    @TempDir
    Path temp;

    private Path bundle;

    @BeforeEach
    void writeBundle() throws IOException {
        bundle = TestTrees.bundle(temp.resolve("export.zip"), 6, TestTrees.logSigner());
    }

    @Test
    void printsOkAndSummaryAndExitsZeroForAValidBundle() {
        Cli cli = Cli.run("verify-bundle", bundle.toString(), "--key", KEY);

        assertThat(cli.status()).isZero();
        assertThat(cli.lines().get(0)).isEqualTo("OK " + bundle + ": 6 entries about 2 subjects, every one included in the log");
        assertThat(cli.lines().get(1)).startsWith("  log:        access-ledger.test/log, checkpoint of size 6, root ");
        assertThat(cli.lines().get(2)).isEqualTo("  exported:   2026-11-25T10:00:00.000Z, query {\"organisation\":\"gp-riverside\"}");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void takesTheKeyFromAFile() throws IOException {
        Path keyFile = Files.writeString(temp.resolve("log.vkey"), KEY + "\n");

        Cli cli = Cli.run("verify-bundle", bundle.toString(), "--key=" + keyFile);

        assertThat(cli.status()).isZero();
        assertThat(cli.out()).startsWith("OK ");
    }

    @Test
    void namesTheEditedCsvAndExitsOne() throws IOException {
        Map<String, byte[]> files = read(bundle);
        files.put("entries.csv", new String(files.get("entries.csv"), StandardCharsets.UTF_8)
                .replace("Riverside GP", "Hillside GP").getBytes(StandardCharsets.UTF_8));
        write(bundle, files);

        Cli cli = Cli.run("verify-bundle", bundle.toString(), "--key", KEY);

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.lines()).singleElement().asString()
                .startsWith("FAIL files: entries.csv: content differs from manifest.json: got ")
                .contains(", want ");
        assertThat(cli.err()).isEqualTo(bundle + ": 1 problem; do not rely on this bundle\n");
    }

    @Test
    void namesEachEntryWhoseProofWasSwapped() throws IOException {
        Map<String, byte[]> files = read(bundle);
        List<String> lines = new ArrayList<>(new String(files.get("entries.jsonl"), StandardCharsets.UTF_8).lines().toList());
        String proof1 = lines.get(1).substring(lines.get(1).indexOf(",\"proof\""));
        String proof2 = lines.get(2).substring(lines.get(2).indexOf(",\"proof\""));
        lines.set(1, lines.get(1).replace(proof1, proof2));
        lines.set(2, lines.get(2).replace(proof2, proof1));
        files.put("entries.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        write(bundle, files);

        Cli cli = Cli.run("verify-bundle", bundle.toString(), "--key", KEY);

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.lines()).hasSize(3);
        assertThat(cli.lines().get(0)).startsWith("FAIL files: entries.jsonl: content differs from manifest.json");
        assertThat(cli.lines().get(1)).startsWith("FAIL inclusion: entries.jsonl:2 entry " + TestTrees.entryId(1)
                + ": leaf hash ").contains(" and proof give root ").contains(", want the checkpoint's root ");
        assertThat(cli.lines().get(2)).startsWith("FAIL inclusion: entries.jsonl:3 entry " + TestTrees.entryId(2) + ": ");
    }

    @Test
    void failsEveryKeyedCheckWithTheWrongKey() {
        String otherKey = TestTrees.signer(TestTrees.ORIGIN, 2).verifierKey();

        Cli cli = Cli.run("verify-bundle", bundle.toString(), "--key", otherKey);

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.lines()).extracting(line -> line.substring(0, line.indexOf(": ", line.indexOf(": ") + 2)))
                .containsExactly("FAIL manifest-signature: manifest.sig", "FAIL log-key: log-key:1",
                        "FAIL checkpoint: checkpoint", "FAIL inclusion: checkpoint");
    }

    @Test
    void failsABundleSignedByAnotherLog() throws IOException {
        Path forged = TestTrees.bundle(temp.resolve("forged.zip"), 6, TestTrees.signer(TestTrees.ORIGIN, 3));

        Cli cli = Cli.run("verify-bundle", forged.toString(), "--key", KEY);

        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL manifest-signature: ", "FAIL checkpoint: ");
    }

    @Test
    void exitsTwoForUnusableArguments() throws IOException {
        Path notZip = Files.writeString(temp.resolve("not.zip"), "hello");

        assertUnusable(Cli.run(), "usage: java -jar ledger-verify.jar verify-bundle FILE --key VKEY");
        assertUnusable(Cli.run("verify"), "ledger-verify: unknown command verify");
        assertUnusable(Cli.run("verify-bundle", bundle.toString()), "ledger-verify: missing --key");
        assertUnusable(Cli.run("verify-bundle", "--key", KEY), "ledger-verify: missing bundle FILE");
        assertUnusable(Cli.run("verify-bundle", bundle.toString(), bundle.toString(), "--key", KEY), "ledger-verify: want one bundle FILE");
        assertUnusable(Cli.run("verify-bundle", bundle.toString(), "--key", "not-a-key"), "ledger-verify: --key is neither a verifier key");
        assertUnusable(Cli.run("verify-bundle", bundle.toString(), "--key", KEY, "--colour", "red"), "ledger-verify: unknown option --colour");
        assertUnusable(Cli.run("verify-bundle", temp.resolve("missing.zip").toString(), "--key", KEY), "ledger-verify: can't read ");
        assertUnusable(Cli.run("verify-bundle", notZip.toString(), "--key", KEY), "ledger-verify: can't read " + notZip + " as a ZIP file");
    }

    @Test
    void printsUsageOnRequest() {
        Cli cli = Cli.run("verify-bundle", "--help");

        assertThat(cli.status()).isZero();
        assertThat(cli.out()).startsWith("usage: java -jar ledger-verify.jar");
    }

    private static void assertUnusable(Cli cli, String errStart) {
        assertThat(cli.status()).as(cli.err()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith(errStart);
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                files.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return files;
    }

    private static void write(Path zip, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream stream = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                stream.putNextEntry(new ZipEntry(file.getKey()));
                stream.write(file.getValue());
                stream.closeEntry();
            }
        }
        Files.write(zip, out.toByteArray());
    }
}
