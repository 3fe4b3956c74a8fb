package dev.gauntlet.reports.metrics;

import java.util.Arrays;
import java.util.Random;

/**
 * The percentile bootstrap of a mean. Resampling uses {@link Random}, whose algorithm the JDK specifies, so a
 * seed gives the same interval on every JVM.
 */
public final class Bootstrap {

    /** A confidence interval. */
    public record Interval(double low, double high) {
    }

    private Bootstrap() {
    }

    /**
     * Draws {@code resamples} samples of {@code values.length} values with replacement, takes each one's mean,
     * and returns the {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles of those means (linear
     * interpolation between order statistics, as numpy's default).
     *
     * @throws IllegalArgumentException for no values, fewer than one resample or a level outside (0, 1)
     */
    public static Interval meanInterval(double[] values, int resamples, long seed, double level) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the bootstrap needs at least one value");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least one resample, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must be between 0 and 1, got " + level);
        }
        Random random = new Random(seed);
        double[] means = new double[resamples];
        int n = values.length;
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new Interval(quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2));
    }

    /** The {@code q} quantile of sorted values, interpolating linearly between the two nearest. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
