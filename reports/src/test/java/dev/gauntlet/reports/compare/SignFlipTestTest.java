package dev.gauntlet.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignFlipTestTest {

    @Test
    void zeroOneDifferencesGiveTheExactMcNemarPValue() {
        // 1 task got better, 9 worse: p = 2 * P(X <= 1), X ~ Bin(10, 1/2) = 2 * 11 / 1024
        double[] d = {1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0};
        SignFlipTest.Result result = SignFlipTest.test(d, 0);

        assertThat(result.pValue()).isCloseTo(22.0 / 1024, within(1e-12));
        assertThat(result.nonZero()).isEqualTo(10);
        assertThat(result.method()).isEqualTo("exact McNemar");
        assertThat(SignFlipTest.test(new double[] {-1, -1, -1, -1, -1}, 0).pValue()).isCloseTo(2.0 / 32, within(1e-12));
    }

    @Test
    void noDifferenceAtAllIsNoEvidence() {
        assertThat(SignFlipTest.test(new double[] {0, 0, 0}, 0).pValue()).isEqualTo(1.0);
        assertThat(SignFlipTest.test(new double[] {1, -1}, 0).pValue()).isEqualTo(1.0);
    }

    @Test
    void unequalDifferencesAreTestedByEnumeratingEverySignAssignment() {
        // sums of ±0.5 ±1 ±0.25: four of the eight are at least 1.25 from 0
        SignFlipTest.Result result = SignFlipTest.test(new double[] {0.5, 1.0, -0.25}, 0);

        assertThat(result.pValue()).isEqualTo(0.5);
        assertThat(result.method()).isEqualTo("exact sign-flip");
    }

    @Test
    void manyUnequalDifferencesAreResampledWithTheSeed() {
        double[] allWorse = new double[40];
        double[] noise = new double[40];
        for (int i = 0; i < 40; i++) {
            allWorse[i] = -0.1 - i / 100.0;
            noise[i] = (i % 2 == 0 ? 1 : -1) * (0.1 + i / 100.0);
        }
        SignFlipTest.Result worse = SignFlipTest.test(allWorse, 7);

        assertThat(worse.pValue()).isEqualTo(1.0 / (SignFlipTest.RESAMPLES + 1));
        assertThat(worse.method()).isEqualTo("sign-flip, 20000 resamples");
        assertThat(SignFlipTest.test(noise, 7).pValue()).isGreaterThan(0.5).isEqualTo(SignFlipTest.test(noise, 7).pValue());
    }
}
