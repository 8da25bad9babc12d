package uk.gov.accessledger.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.SignedNote;

/** Takes bundles apart and puts them back together, for tampering with them in tests. */
final class ZipFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZipFiles() {
    }

    /** The files of a ZIP, in archive order. */
    static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static byte[] write(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    static void putText(Map<String, byte[]> files, String name, String text) {
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Re-lists every file's size and SHA-256 in the manifest, applies {@code edit} to it, and
     * signs it again with {@code signer}: what an operator holding the log key (or a buggy
     * exporter) could produce, so the deeper checks are tested on their own.
     */
    static void reseal(Map<String, byte[]> files, Ed25519NoteSigner signer, Consumer<ObjectNode> edit) {
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(files.get(BundleFormat.MANIFEST_JSON));
            ObjectNode listed = (ObjectNode) manifest.get("files");
            for (String name : BundleFormat.MANIFEST_FILES) {
                if (files.containsKey(name)) {
                    listed.putObject(name)
                            .put("bytes", files.get(name).length)
                            .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get(name))));
                }
            }
            edit.accept(manifest);
            byte[] bytes = CanonicalJson.canonicalize(manifest);
            files.put(BundleFormat.MANIFEST_JSON, bytes);
            String text = BundleFormat.MANIFEST_SIGNATURE_HEADER + "\n" + signer.name() + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\n";
            putText(files, BundleFormat.MANIFEST_SIG, SignedNote.sign(text, signer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static void reseal(Map<String, byte[]> files, Ed25519NoteSigner signer) {
        reseal(files, signer, manifest -> { });
    }
}
