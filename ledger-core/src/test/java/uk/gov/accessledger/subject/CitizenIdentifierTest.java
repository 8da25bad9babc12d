package uk.gov.accessledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenIdentifierTest {

    @ParameterizedTest
    @CsvSource({
            // 943 476 5919: the NHS Digital test number; weights 10..2 give 299, 11 - 299 mod 11 = 9.
            "9434765919, 9434765919",
            "943 476 5919, 9434765919",
            "943-476-5919, 9434765919",
            // 401 023 2137: weighted sum 103, 11 - 103 mod 11 = 7.
            "4010232137, 4010232137",
            // Weighted sum a multiple of 11 gives check digit 0 (11 becomes 0): 000 000 0000.
            "0000000000, 0000000000"})
    void acceptsNhsNumbersWithAValidCheckDigit(String input, String canonical) {
        CitizenIdentifier id = CitizenIdentifier.parse("nhs-number", input);
        assertThat(id.value()).isEqualTo(canonical);
        assertThat(id.scheme()).isEqualTo(IdentifierScheme.NHS_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "943476591X", "1234567890"})
    void rejectsNhsNumbersWithAWrongCheckDigitOrLength(String input) {
        // 123456789: weighted sum 210, 11 - 210 mod 11 = 10, which no NHS number may have.
        assertThatThrownBy(() -> CitizenIdentifier.parse("nhs-number", input))
                .isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).field()).isEqualTo("id"))
                .hasMessageNotContaining(input);
    }

    @ParameterizedTest
    @CsvSource({"AB123456C, AB123456C", "ab 12 34 56 c, AB123456C", "JG103759A, JG103759A"})
    void acceptsWellFormedNationalInsuranceNumbers(String input, String canonical) {
        assertThat(CitizenIdentifier.parse("nino", input).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456C", "AO123456C", "BG123456C", "GB123456A", "ZZ123456A", "AB123456E",
            "AB12345C", "A1234567C", "QQ123456C"})
    void rejectsNationalInsuranceNumbersHmrcNeverIssues(String input) {
        assertThatThrownBy(() -> CitizenIdentifier.parse("nino", input))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageStartingWith("id ");
    }

    @Test
    void namesTheSchemeWhenItIsUnknownOrMissing() {
        assertThatThrownBy(() -> CitizenIdentifier.parse("passport", "123"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("nhs-number, nino")
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).field()).isEqualTo("scheme"));
        assertThatThrownBy(() -> CitizenIdentifier.parse(null, "123"))
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).field()).isEqualTo("scheme"));
        assertThatThrownBy(() -> CitizenIdentifier.parse("nino", " "))
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).field()).isEqualTo("id"));
    }

    @Test
    void neverShowsTheIdentifierInItsStringForm() {
        assertThat(CitizenIdentifier.parse("nhs-number", "9434765919").toString())
                .doesNotContain("9434765919").contains("redacted");
    }
}
