package uk.gov.accessledger.api.upgrade;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import uk.gov.accessledger.api.security.ServiceCredentials;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;

/**
 * The configuration a fixture's node was started with and an upgraded node must be started with
 * again to extend the same log: the pseudonym key (else new entries start new chains), the log's
 * origin and signing key (which also signs receipts), and the services' secrets. Test-only keys,
 * generated for the fixture; citizens' and auditors' tokens are not part of it, since nothing
 * stored depends on the issuer's key.
 */
record FixtureKeys(String pseudonymKey, String logOrigin, String logSigningKey, Map<String, String> serviceSecrets) {

    static final String FILE_NAME = "test-only-keys.properties";
    static final List<String> SERVICES = List.of(TestServices.GP, TestServices.DWP, TestServices.HMRC);

    private static final String SECRET_PREFIX = "service-secret.";

    FixtureKeys {
        serviceSecrets = Map.copyOf(serviceSecrets);
    }

    static FixtureKeys generate(String logOrigin, SecureRandom random) {
        byte[] pseudonym = new byte[32];
        random.nextBytes(pseudonym);
        Map<String, String> secrets = new TreeMap<>();
        for (String service : SERVICES) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            secrets.put(service, HexFormat.of().formatHex(secret));
        }
        return new FixtureKeys(Base64.getEncoder().encodeToString(pseudonym), logOrigin,
                Ed25519NoteSigner.generate(logOrigin, random).signerKey(), secrets);
    }

    static FixtureKeys read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't read the fixture's keys from " + file, e);
        }
        Map<String, String> secrets = new TreeMap<>();
        for (String service : SERVICES) {
            secrets.put(service, required(p, SECRET_PREFIX + service, file));
        }
        return new FixtureKeys(required(p, "ledger.pseudonym-key", file), required(p, "ledger.log.origin", file),
                required(p, "ledger.log.signing-key", file), secrets);
    }

    void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    # TEST FIXTURE ONLY. These keys were generated for the upgrade fixture beside this file and
                    # protect nothing: never use them, or anything like them, in a deployment.
                    # The node that wrote the fixture ran with exactly these; an upgraded node needs them to
                    # extend the same chains (pseudonym key) and the same log (origin, signing key).
                    """);
            out.write("ledger.pseudonym-key=" + pseudonymKey + "\n");
            out.write("ledger.log.origin=" + logOrigin + "\n");
            out.write("ledger.log.signing-key=" + logSigningKey + "\n");
            for (Map.Entry<String, String> secret : new TreeMap<>(serviceSecrets).entrySet()) {
                out.write(SECRET_PREFIX + secret.getKey() + "=" + secret.getValue() + "\n");
            }
        }
    }

    /** The log's verifier key, as {@code GET /log/key} serves it. */
    String verifierKey() {
        return Ed25519NoteSigner.fromSignerKey(logSigningKey).verifierKey();
    }

    /** A service credentials file (docs/configuration.md, "Service credentials") holding the hashes of the secrets. */
    Path credentialsFile() throws IOException {
        StringBuilder yaml = new StringBuilder("credentials:\n");
        for (Map.Entry<String, String> secret : new TreeMap<>(serviceSecrets).entrySet()) {
            yaml.append("  - name: ").append(secret.getKey()).append("\n    role: service\n    secretSha256: ")
                    .append(HexFormat.of().formatHex(ServiceCredentials.sha256(secret.getValue()))).append('\n');
        }
        Path file = Files.createTempFile("fixture-credentials", ".yaml");
        file.toFile().deleteOnExit();
        return Files.writeString(file, yaml);
    }

    private static String required(Properties p, String name, Path file) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("couldn't read the fixture's keys: " + file + " has no " + name);
        }
        return value.trim();
    }
}
