package uk.gov.accessledger.api.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * The configured credentials, validated at start-up: every service credential names a service in
 * the reference data, and every hash is 64 hex digits.
 */
public final class ServiceCredentials {

    private record File(List<ServiceCredential> credentials) {
    }

    private final Map<String, ServiceCredential> byName;

    public ServiceCredentials(List<ServiceCredential> credentials, ReferenceData reference) {
        Map<String, ServiceCredential> map = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ServiceCredential c : credentials) {
            if (c.name() == null || c.secretSha256() == null || !c.secretSha256().matches("[0-9a-f]{64}")) {
                problems.add("credential " + c.name() + " needs a name and a 64-hex-digit secretSha256");
            } else if (!"service".equals(c.role()) && !"operator".equals(c.role())) {
                problems.add("credential " + c.name() + " has role " + c.role() + ", want service or operator");
            } else if ("service".equals(c.role()) && reference.service(c.name()).isEmpty()) {
                problems.add("credential " + c.name() + " names a service that is not in the reference data");
            } else if (map.put(c.name(), c) != null) {
                problems.add("credential " + c.name() + " is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("couldn't load service credentials: " + String.join("; ", problems));
        }
        this.byName = Map.copyOf(map);
    }

    public static ServiceCredentials load(Path path, ReferenceData reference) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            File file = yaml.readValue(Files.readAllBytes(path), File.class);
            return new ServiceCredentials(file.credentials() == null ? List.of() : file.credentials(), reference);
        } catch (IOException e) {
            throw new IllegalStateException("couldn't read service credentials file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The credential whose secret matches, compared in constant time. */
    Optional<ServiceCredential> authenticate(String name, String secret) {
        ServiceCredential c = byName.get(name);
        byte[] want = HexFormat.of().parseHex(c == null ? "00".repeat(32) : c.secretSha256());
        boolean match = MessageDigest.isEqual(sha256(secret), want);
        return match && c != null ? Optional.of(c) : Optional.empty();
    }

    public int size() {
        return byName.size();
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
