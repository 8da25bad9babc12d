package uk.gov.accessledger.api.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;

/**
 * The log's Ed25519 signing key: from configuration, or from a file generated on first start
 * (owner-only permissions, outside the repository). The key itself is never logged.
 */
@Configuration(proxyBeanMethods = false)
class LogSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);

    @Bean
    Ed25519NoteSigner logSigner(LogProperties properties) {
        Ed25519NoteSigner signer;
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            signer = Ed25519NoteSigner.fromSignerKey(properties.signingKey().trim());
        } else {
            signer = fromFile(properties.signingKeyFile(), properties.origin());
        }
        if (!signer.name().equals(properties.origin())) {
            throw new IllegalStateException("couldn't start the log: the signing key is named " + signer.name()
                    + " but the origin is " + properties.origin() + "; a checkpoint's key name must be its origin");
        }
        log.info("log origin={} verifierKey={}", properties.origin(), signer.verifierKey());
        return signer;
    }

    private static Ed25519NoteSigner fromFile(Path file, String origin) {
        try {
            if (Files.exists(file)) {
                return Ed25519NoteSigner.fromSignerKey(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Ed25519NoteSigner signer = Ed25519NoteSigner.generate(origin, new SecureRandom());
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, signer.signerKey() + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("couldn't restrict permissions of the log signing key file on this file system");
            }
            log.info("generated a new log signing key in {}", file.toAbsolutePath());
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't load or create the log signing key at " + file, e);
        }
    }
}
