package uk.gov.accessledger.bench.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * The two secrets a bulk load shares with the API it is loaded for, in files the API reads
 * (LEDGER_PSEUDONYM_KEY's base64 text, LEDGER_LOG_SIGNING_KEY_FILE): read when they exist, else
 * generated and written owner-only. Keys are never printed.
 */
final class KeyFiles {

    private KeyFiles() {
    }

    /** The pseudonym key file's base64 text, 32 fresh random bytes when it does not exist. */
    static String pseudonymKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[SubjectPseudonymiser.MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            write(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    /** The log signer named {@code origin}, generated when the file does not exist. */
    static Ed25519NoteSigner signer(Path file, String origin) throws IOException {
        if (!Files.exists(file)) {
            write(file, Ed25519NoteSigner.generate(origin, new SecureRandom()).signerKey());
        }
        Ed25519NoteSigner signer = Ed25519NoteSigner.fromSignerKey(
                Files.readString(file, StandardCharsets.US_ASCII).trim());
        if (!signer.name().equals(origin)) {
            throw new IllegalArgumentException("the signing key is named " + signer.name() + " but the origin is "
                    + origin + "; the API would refuse to start");
        }
        return signer;
    }

    private static void write(Path file, String text) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, text + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing more to restrict
        }
    }
}
