package uk.gov.accessledger.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.accessledger.api.security.ServiceCredentials;

/** Service credentials for tests: random secrets, written to a temporary credentials file. */
public final class TestServices {

    /** Three services of three organisations, for "another organisation's credentials" tests. */
    public static final String GP = "gp-riverside-patient-record";
    public static final String GP_ORG = "nhs-gp-riverside";
    public static final String DWP = "dwp-universal-credit";
    public static final String DWP_ORG = "dwp";
    public static final String HMRC = "hmrc-information-disclosure";
    public static final String OPERATOR = "test-operator";

    private static final Map<String, String> SECRETS = new TreeMap<>();
    private static Path file;

    private TestServices() {
    }

    public static synchronized Path credentialsFile() {
        if (file == null) {
            SecureRandom random = new SecureRandom();
            StringBuilder yaml = new StringBuilder("credentials:\n");
            for (String name : new String[] {GP, DWP, HMRC, OPERATOR}) {
                byte[] raw = new byte[24];
                random.nextBytes(raw);
                String secret = HexFormat.of().formatHex(raw);
                SECRETS.put(name, secret);
                yaml.append("  - name: ").append(name).append("\n    role: ")
                        .append(name.equals(OPERATOR) ? "operator" : "service").append("\n    secretSha256: ")
                        .append(HexFormat.of().formatHex(ServiceCredentials.sha256(secret))).append('\n');
            }
            try {
                file = Files.createTempFile("ledger-credentials", ".yaml");
                Files.writeString(file, yaml);
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    public static String secret(String name) {
        credentialsFile();
        return SECRETS.get(name);
    }
}
