package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final double[] HALF = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0};

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        Bootstrap.Interval first = Bootstrap.meanInterval(new double[] {0.1, 0.9, 0.4, 0.7, 0.3}, 1000, 7, 0.95);

        assertThat(Bootstrap.meanInterval(new double[] {0.1, 0.9, 0.4, 0.7, 0.3}, 1000, 7, 0.95)).isEqualTo(first);
        assertThat(Bootstrap.meanInterval(new double[] {0.1, 0.9, 0.4, 0.7, 0.3}, 1000, 8, 0.95)).isNotEqualTo(first);
    }

    @Test
    void aFixedSeedGivesPinnedFigures() {
        // pinned: java.util.Random is specified, so these hold on every JVM; a change here changes every report
        Bootstrap.Interval interval = Bootstrap.meanInterval(new double[] {0.1, 0.9, 0.4, 0.7, 0.3}, 1000, 42, 0.95);

        assertThat(interval.low()).isCloseTo(PINNED_LOW, within(1e-12));
        assertThat(interval.high()).isCloseTo(PINNED_HIGH, within(1e-12));
    }

    static final double PINNED_LOW = 0.24;
    static final double PINNED_HIGH = 0.74;

    @Test
    void matchesTheBinomialQuantilesForZerosAndOnes() {
        // the mean of 10 draws from five 1s and five 0s is Binomial(10, 0.5) / 10; its 2.5 % and 97.5 % quantiles
        // are 2/10 and 8/10 (P(X <= 1) = 0.011, P(X <= 2) = 0.055), far from the edges for 20,000 resamples
        Bootstrap.Interval interval = Bootstrap.meanInterval(HALF, 20_000, 1, 0.95);

        assertThat(interval.low()).isEqualTo(0.2);
        assertThat(interval.high()).isEqualTo(0.8);
    }

    @Test
    void identicalValuesHaveAnIntervalOfWidthZero() {
        assertThat(Bootstrap.meanInterval(new double[] {0.5, 0.5, 0.5}, 100, 3, 0.95)).isEqualTo(new Bootstrap.Interval(0.5, 0.5));
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertThat(Bootstrap.quantile(sorted, 0.0)).isEqualTo(0.0);
        assertThat(Bootstrap.quantile(sorted, 1.0)).isEqualTo(40.0);
        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(20.0);
        assertThat(Bootstrap.quantile(sorted, 0.1)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void rejectsNoValuesAndBadLevels() {
        assertThatThrownBy(() -> Bootstrap.meanInterval(new double[0], 10, 1, 0.95)).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Bootstrap.meanInterval(HALF, 10, 1, 1.0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Bootstrap.meanInterval(HALF, 0, 1, 0.9)).hasMessageContaining("resample");
    }
}
