package uk.gov.accessledger.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code reference-broken/} replaces files of the valid fixture with faulty ones
 * and lists, in {@code expected-problems.txt}, exactly the problems loading must report: all of
 * them, in order, and no others (so one mistake never drowns in problems it caused).
 */
class BrokenReferenceDataTest {

    @TempDir
    Path directory;

    static List<String> brokenCases() {
        return ReferenceFixtures.brokenCases();
    }

    @Test
    void theFixtureTheBrokenCasesStartFromIsValid() {
        ReferenceData data = ReferenceData.load(ReferenceFixtures.resource(ReferenceFixtures.FIXTURE_FOLDER));

        assertThat(data.version()).isEqualTo("2026-01-15.2");
    }

    @Test
    void everyBrokenCaseDescribesItselfAndExpectsAtLeastOneProblem() throws IOException {
        assertThat(brokenCases()).hasSizeGreaterThanOrEqualTo(15);
        for (String name : brokenCases()) {
            assertThat(ReferenceFixtures.description(name)).as(name).isNotBlank();
            assertThat(ReferenceFixtures.expectedProblems(name)).as(name).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCases")
    void reportsExactlyTheExpectedProblems(String name) throws IOException {
        Path broken = ReferenceFixtures.brokenCase(directory, name);

        ReferenceDataException e =
                catchThrowableOfType(ReferenceDataException.class, () -> ReferenceData.load(broken));

        assertThat(e).as("loading %s should fail", name).isNotNull();
        assertThat(e.problems()).as(ReferenceFixtures.description(name))
                .containsExactlyElementsOf(ReferenceFixtures.expectedProblems(name));
        assertThat(e.source()).isEqualTo(broken.toString());
        assertThat(e.getMessage())
                .startsWith("couldn't load reference data from " + broken + ": " + e.problems().size() + " problem")
                .contains(e.problems());
    }

    @Test
    void namesAMissingFileAndTheSourceItWasLookedFor() throws IOException {
        ReferenceFixtures.copyOfFixture(directory);
        Files.delete(directory.resolve("services.yaml"));

        assertThatThrownBy(() -> ReferenceData.load(directory))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> assertThat(e.problems())
                        .containsExactly("services.yaml: couldn't read: no such file in " + directory));
    }

    @Test
    void reportsAMissingDirectoryAsEveryFileMissing() {
        Path nowhere = directory.resolve("nowhere");

        assertThatThrownBy(() -> ReferenceData.load(nowhere))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> assertThat(e.problems())
                        .hasSize(ReferenceFile.values().length)
                        .allSatisfy(problem -> assertThat(problem).contains("couldn't read: no such file in")));
    }

    @Test
    void namesTheClasspathFolderWhenLoadingFromTheClasspathFails() {
        assertThatThrownBy(() -> ReferenceData.loadFromClasspath("no-such-reference-folder"))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.source()).isEqualTo("classpath:no-such-reference-folder/");
                    assertThat(e.problems()).first()
                            .isEqualTo("manifest.yaml: couldn't read: no such file in classpath:no-such-reference-folder/");
                });
    }

    @Test
    void saysOneProblemInTheSingular() throws IOException {
        Path broken = ReferenceFixtures.brokenCase(directory, "unknown-organisation-in-agreement");

        assertThatThrownBy(() -> ReferenceData.load(broken))
                .hasMessageStartingWith("couldn't load reference data from " + broken + ": 1 problem" + System.lineSeparator())
                .hasMessageEndingWith("agreements.yaml: agreement 'gp-a-foo-care' names unknown organisation 'foo'");
    }
}
