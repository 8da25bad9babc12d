package uk.gov.accessledger.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Codes with a DPV prefix must be real DPV terms: the bundled data may use only terms listed in
 * {@code reference-vocabulary/dpv-terms.txt}, which records where each was checked.
 */
class DpvVocabularyTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();

    private static Set<String> verifiedTerms() throws IOException {
        return Files.readAllLines(ReferenceFixtures.resource("reference-vocabulary/dpv-terms.txt")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
    }

    @Test
    void usesOnlyVerifiedDpvPurposesAndActions() throws IOException {
        List<String> dpvCodes = Stream.concat(
                        DATA.purposes().stream().map(Purpose::code),
                        DATA.actions().stream().map(ProcessingAction::code))
                .filter(code -> code.startsWith("dpv:"))
                .toList();

        assertThat(dpvCodes).isNotEmpty();
        assertThat(verifiedTerms()).containsAll(dpvCodes);
    }

    @Test
    void usesOnlyVerifiedDpvPersonalDataCategories() throws IOException {
        List<String> pdCodes = DATA.dataCategories().stream()
                .map(DataCategory::code)
                .filter(code -> code.startsWith("pd:"))
                .toList();

        assertThat(pdCodes).isNotEmpty();
        assertThat(verifiedTerms()).containsAll(pdCodes);
    }

    @Test
    void marksAsSpecialCategoryTheDpvTermsDpvMarksSo() {
        // pd/pd.csv gives these dpv:SpecialCategoryPersonalData as a type; the others it does not.
        Set<String> dpvSpecial = Set.of(
                "pd:Disability", "pd:EthnicOrigin", "pd:Health", "pd:HealthRecord", "pd:MentalHealth",
                "pd:Prescription");

        DATA.dataCategories().stream()
                .filter(category -> category.code().startsWith("pd:"))
                .forEach(category -> assertThat(category.special())
                        .as(category.code())
                        .isEqualTo(dpvSpecial.contains(category.code())));
    }
}
