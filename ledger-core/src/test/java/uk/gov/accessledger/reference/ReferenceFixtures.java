package uk.gov.accessledger.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Test data on disk: the small valid fixture set, and broken cases laid over a copy of it. */
final class ReferenceFixtures {

    static final String FIXTURE_FOLDER = "reference-fixture";
    static final String BROKEN_FOLDER = "reference-broken";
    static final String EXPECTED_PROBLEMS = "expected-problems.txt";

    private ReferenceFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(ReferenceFixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the broken cases, one folder each. */
    static List<String> brokenCases() {
        try (Stream<Path> cases = Files.list(resource(BROKEN_FOLDER))) {
            return cases.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the valid fixture into {@code directory}; returns it. */
    static Path copyOfFixture(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(resource(FIXTURE_FOLDER))) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return directory;
    }

    /** Copies the valid fixture into {@code directory}, then the YAML files of a broken case over it. */
    static Path brokenCase(Path directory, String name) throws IOException {
        copyOfFixture(directory);
        try (Stream<Path> files = Files.list(resource(BROKEN_FOLDER).resolve(name))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return directory;
    }

    /** The problems a broken case expects, in order; lines starting with '#' describe the case. */
    static List<String> expectedProblems(String name) throws IOException {
        return Files.readAllLines(resource(BROKEN_FOLDER).resolve(name).resolve(EXPECTED_PROBLEMS)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    static String description(String name) throws IOException {
        return Files.readAllLines(resource(BROKEN_FOLDER).resolve(name).resolve(EXPECTED_PROBLEMS)).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.substring(1).strip())
                .findFirst()
                .orElse("");
    }
}
