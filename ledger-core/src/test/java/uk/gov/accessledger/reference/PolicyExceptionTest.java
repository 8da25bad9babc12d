package uk.gov.accessledger.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The codes are in signed canonical entries (docs/entry-format.md): renaming a constant must not change them. */
class PolicyExceptionTest {

    @Test
    void codesAreTheDocumentedOnesEachWithAnEnglishLabelAndDescription() {
        assertThat(List.of(PolicyException.values())).extracting(PolicyException::code).containsExactly(
                "purpose-not-registered-for-service", "no-covering-agreement", "agreement-does-not-cover");
        for (PolicyException e : PolicyException.values()) {
            assertThat(e.label()).isNotBlank();
            assertThat(e.description()).endsWith(".");
            assertThat(PolicyException.of(e.code())).contains(e);
        }
        assertThat(PolicyException.of("unknown")).isEmpty();
    }
}
