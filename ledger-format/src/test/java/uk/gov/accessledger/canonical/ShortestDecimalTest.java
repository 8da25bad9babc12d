package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShortestDecimalTest {

    @Test
    void returnsIntegersBelow2To53AsThemselves() {
        assertThat(ShortestDecimal.of(1.0)).isEqualTo(new ShortestDecimal.Decimal(1, 0));
        assertThat(ShortestDecimal.of(4503599627370497.0)).isEqualTo(new ShortestDecimal.Decimal(4503599627370497L, 0));
    }

    @Test
    void returnsTheShortestDecimalScaledByAPowerOfTen() {
        ShortestDecimal.Decimal tenth = ShortestDecimal.of(0.1);
        assertThat(tenth.significand() * Math.pow(10, tenth.exponent() + 1)).isEqualTo(1.0);
        assertThat(Long.toString(tenth.significand()).replaceAll("0+$", "")).isEqualTo("1");
        ShortestDecimal.Decimal smallest = ShortestDecimal.of(Double.MIN_VALUE);
        assertThat(smallest).isEqualTo(new ShortestDecimal.Decimal(5, -324));
    }

    @Test
    void requiresAFinitePositiveDouble() {
        for (double bad : new double[] {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> ShortestDecimal.of(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("requires a finite double > 0");
        }
    }
}
