package uk.gov.accessledger.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubjectPseudonymiserTest {

    private static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);

    @Test
    void computesTheKeyedPseudonymOfTheSchemeAndIdentifier() {
        // Known answers from Python: hmac.new(b"k" * 32, b"nhs-number\x009434765919", sha256).hexdigest()
        // and hmac.new(b"k" * 32, b"nino\x00AB123456C", sha256).hexdigest().
        SubjectPseudonymiser p = new SubjectPseudonymiser(KEY);
        assertThat(p.pseudonymOf(CitizenIdentifier.parse("nhs-number", "943 476 5919")))
                .isEqualTo("f0c4255721e42b10d91cad49fb025b0af9875fe1cae5978d5971a6e0aac06a98");
        assertThat(p.pseudonymOf(CitizenIdentifier.parse("nino", "ab123456c")))
                .isEqualTo("8373becc138d1890f377d648fcfc5aef0913df5e7747aad7a6283dbbfc903bce");
    }

    @Test
    void givesDifferentPseudonymsUnderDifferentKeys() {
        CitizenIdentifier id = CitizenIdentifier.parse("nhs-number", "9434765919");
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(new SubjectPseudonymiser(KEY).pseudonymOf(id))
                .isNotEqualTo(new SubjectPseudonymiser(other).pseudonymOf(id));
    }

    @Test
    void refusesKeysShorterThan32Bytes() {
        assertThatThrownBy(() -> new SubjectPseudonymiser(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 31");
    }

    @Test
    void recognisesThePseudonymShape() {
        assertThat(SubjectPseudonymiser.isPseudonym("a".repeat(64))).isTrue();
        assertThat(SubjectPseudonymiser.isPseudonym("A".repeat(64))).isFalse();
        assertThat(SubjectPseudonymiser.isPseudonym("9434765919")).isFalse();
    }
}
