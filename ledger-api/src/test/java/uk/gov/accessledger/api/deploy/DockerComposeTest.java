package uk.gov.accessledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, checked without a Docker engine: it parses, names only images that exist and
 * build contexts in this repository, documents every variable it reads, runs two API nodes that
 * share their keys but not their last-checkpoint files, and puts a proxy that reaches both in
 * front of them. It cannot show that the containers start; docs/operations.md says so.
 */
class DockerComposeTest {

    /**
     * Official images known to be published under these tags (Docker Hub library images). A new
     * image or tag must be checked by hand and added here.
     */
    private static final Set<String> KNOWN_IMAGES = Set.of("postgres:16", "nginx:1.27-alpine",
            "maven:3.9-eclipse-temurin-17", "eclipse-temurin:17-jre");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    /** Keys every API node must have with the same value: one log, one pseudonym space. */
    private static final List<String> SHARED = List.of("LEDGER_DB_URL", "LEDGER_PSEUDONYM_KEY", "LEDGER_LOG_ORIGIN",
            "LEDGER_LOG_SIGNING_KEY", "LEDGER_LOG_SIGNING_KEY_FILE");

    private static Path root;
    private static String text;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> volumes;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertThat(root).as("a directory above the tests holding docker-compose.yml").isNotNull();
        }
        text = Files.readString(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
        Map<String, Object> compose = new Yaml().load(text);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        volumes = (Map<String, Object>) compose.get("volumes");
    }

    @Test
    void namesOnlyKnownImagesAndBuildContextsOfThisRepository() throws IOException {
        for (var service : services.entrySet()) {
            Object image = service.getValue().get("image");
            Object build = service.getValue().get("build");
            assertThat(image != null || build != null).as(service.getKey() + " has an image or a build").isTrue();
            if (image != null) {
                assertThat(KNOWN_IMAGES).as(service.getKey() + "'s image").contains((String) image);
            }
            if (build instanceof Map<?, ?> b) {
                Path context = root.resolve((String) b.get("context")).normalize();
                Path dockerfile = context.resolve(b.get("dockerfile") == null ? "Dockerfile" : (String) b.get("dockerfile"));
                assertThat(dockerfile).as(service.getKey() + "'s Dockerfile").isRegularFile();
                for (String from : fromImages(dockerfile)) {
                    assertThat(KNOWN_IMAGES).as("FROM in " + dockerfile).contains(from);
                }
                Object args = b.get("args");
                if (args instanceof Map<?, ?> a && a.get("MODULE") != null) {
                    assertThat(root.resolve((String) a.get("MODULE")).resolve("pom.xml"))
                            .as(service.getKey() + "'s MODULE").isRegularFile();
                }
            }
        }
    }

    @Test
    void documentsEveryVariableItReadsAtItsTop() {
        String header = text.lines().takeWhile(l -> l.startsWith("#")).collect(Collectors.joining("\n"));
        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        for (String variable : used) {
            assertThat(header).as("the header documents " + variable).containsPattern("#\\s+" + variable + "\\s");
        }
    }

    @Test
    void givesApplicationsOnlyVariablesTheyRead() throws IOException {
        for (var service : services.entrySet()) {
            String module = module(service.getValue());
            if (module == null) {
                continue;
            }
            String config = Files.readString(root.resolve(module).resolve("src/main/resources/application.yml"));
            for (String key : environment(service.getValue()).keySet()) {
                if (key.equals("AXONIQ_UPDATE_CHECKER_DISABLED")) {
                    continue; // read by Axon itself
                }
                assertThat(config).as(service.getKey() + " sets " + key + ": " + module + " must read it")
                        .contains("${" + key + ":");
            }
        }
    }

    @Test
    void runsTwoApiNodesSharingKeysButEachWithItsOwnCheckpointFile() {
        List<String> nodes = apiNodes();
        assertThat(nodes).hasSize(2);
        Map<String, Object> first = environment(services.get(nodes.get(0)));
        Map<String, Object> second = environment(services.get(nodes.get(1)));
        for (String key : SHARED) {
            assertThat(first).as(nodes.get(0) + " sets " + key).containsKey(key);
            assertThat(second.get(key)).as(key + " is the same on both nodes").isEqualTo(first.get(key));
        }
        String keyFile = (String) first.get("LEDGER_LOG_SIGNING_KEY_FILE");
        String checkpointFile = (String) first.get("LEDGER_LOG_CHECKPOINT_FILE");
        assertThat(checkpointFile).isNotBlank();
        String keyVolume = volumeHolding(nodes.get(0), keyFile);
        assertThat(volumeHolding(nodes.get(1), keyFile)).as("both nodes read one signing key").isEqualTo(keyVolume);
        String checkpoints1 = volumeHolding(nodes.get(0), checkpointFile);
        String checkpoints2 = volumeHolding(nodes.get(1), (String) second.get("LEDGER_LOG_CHECKPOINT_FILE"));
        assertThat(checkpoints1).as("each node keeps its own last-checkpoint file").isNotEqualTo(checkpoints2)
                .isNotEqualTo(keyVolume);
        for (var service : services.entrySet()) {
            for (String volume : volumes(service.getValue())) {
                String source = volume.split(":")[0];
                if (source.startsWith(".")) {
                    continue; // a bind mount of a file the operator provides or this repository holds
                }
                assertThat(volumes).as(service.getKey() + "'s volume " + source + " is declared").containsKey(source);
            }
        }
    }

    @Test
    void putsAProxyThatReachesBothNodesInFrontOfThem() throws IOException {
        List<String> nodes = apiNodes();
        String proxy = services.entrySet().stream()
                .filter(s -> String.valueOf(s.getValue().get("image")).startsWith("nginx:"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String mount = volumes(services.get(proxy)).stream().filter(v -> v.contains("/etc/nginx/nginx.conf"))
                .findFirst().orElseThrow();
        Path config = root.resolve(mount.split(":")[0]).normalize();
        assertThat(config).isRegularFile();
        String nginx = Files.readString(config);
        for (String node : nodes) {
            assertThat(nginx).containsPattern("server\\s+" + node + ":8080");
        }
        assertThat(nginx).contains("listen 8080;").contains("proxy_pass http://ledger_api;");
        assertThat(services.get(proxy).get("ports").toString()).contains("8080:8080");
        for (var service : services.entrySet()) {
            for (Object dependency : dependencies(service.getValue())) {
                assertThat(services).as(service.getKey() + " depends on " + dependency).containsKey((String) dependency);
            }
        }
        String portal = services.keySet().stream().filter(s -> "citizen-portal".equals(module(services.get(s))))
                .findFirst().orElseThrow();
        assertThat(environment(services.get(portal)).get("PORTAL_LEDGER_API_URL"))
                .as("the portal reaches the API through the proxy").isEqualTo("http://" + proxy + ":8080");
    }

    private static List<String> apiNodes() {
        return services.keySet().stream().filter(s -> "ledger-api".equals(module(services.get(s)))).toList();
    }

    /** The named volume mounted at the directory holding {@code file} in {@code service}. */
    private static String volumeHolding(String service, String file) {
        String best = null;
        int longest = -1;
        for (String volume : volumes(services.get(service))) {
            String[] parts = volume.split(":");
            String target = parts[1].endsWith("/") ? parts[1] : parts[1] + "/";
            if (file.startsWith(target) && target.length() > longest) {
                best = parts[0];
                longest = target.length();
            }
        }
        assertThat(best).as(service + " keeps " + file + " in a volume").isNotNull();
        return best;
    }

    private static String module(Map<String, Object> service) {
        if (service.get("build") instanceof Map<?, ?> b && b.get("args") instanceof Map<?, ?> a) {
            return (String) a.get("MODULE");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        return environment == null ? Map.of() : (Map<String, Object>) environment;
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        Object list = service.get("volumes");
        return list == null ? List.of() : (List<String>) list;
    }

    private static List<Object> dependencies(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (dependsOn instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }

    private static List<String> fromImages(Path dockerfile) throws IOException {
        return Files.readAllLines(dockerfile).stream().map(String::strip).filter(l -> l.startsWith("FROM "))
                .map(l -> l.split("\\s+")[1]).toList();
    }
}
