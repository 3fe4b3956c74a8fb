package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class PassAtKTest {

    @Test
    void matchesHandComputedValues() {
        assertThat(PassAtK.estimate(5, 0, 1)).isEqualTo(0.0);
        assertThat(PassAtK.estimate(5, 5, 3)).isEqualTo(1.0);
        assertThat(PassAtK.estimate(5, 1, 1)).isCloseTo(0.2, within(1e-12));
        // 1 - C(3,2)/C(5,2) = 1 - 3/10
        assertThat(PassAtK.estimate(5, 2, 2)).isCloseTo(0.7, within(1e-12));
        // 1 - C(7,5)/C(10,5) = 1 - 21/252
        assertThat(PassAtK.estimate(10, 3, 5)).isCloseTo(1 - 21.0 / 252, within(1e-12));
        // 1 - C(4,3)/C(6,3) = 1 - 4/20
        assertThat(PassAtK.estimate(6, 2, 3)).isCloseTo(0.8, within(1e-12));
        // fewer failures than draws: some draw always passes
        assertThat(PassAtK.estimate(4, 1, 4)).isEqualTo(1.0);
        assertThat(PassAtK.estimate(4, 2, 3)).isEqualTo(1.0);
    }

    @Test
    void passAtOneIsTheShareThatPassed() {
        for (int n = 1; n <= 20; n++) {
            for (int c = 0; c <= n; c++) {
                assertThat(PassAtK.estimate(n, c, 1)).isCloseTo((double) c / n, within(1e-12));
            }
        }
    }

    @Test
    void staysExactWhereBinomialCoefficientsOverflowADouble() {
        int n = 2000;
        int c = 7;
        int k = 1000;
        BigDecimal ratio = new BigDecimal(binomial(n - c, k)).divide(new BigDecimal(binomial(n, k)), MathContext.DECIMAL128);
        double exact = BigDecimal.ONE.subtract(ratio).doubleValue();

        assertThat(PassAtK.estimate(n, c, k)).isCloseTo(exact, within(1e-12)).isBetween(0.99, 1.0);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> PassAtK.estimate(3, 4, 1)).hasMessageContaining("c=4");
        assertThatThrownBy(() -> PassAtK.estimate(3, 1, 4)).hasMessageContaining("k=4");
        assertThatThrownBy(() -> PassAtK.estimate(3, 1, 0)).hasMessageContaining("k=0");
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
