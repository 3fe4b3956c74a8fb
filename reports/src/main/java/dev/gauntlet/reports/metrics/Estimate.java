package dev.gauntlet.reports.metrics;

/**
 * A mean with its uncertainty. Figures that cannot be computed are {@code NaN}: all of them without units, the
 * standard error and interval with a single unit.
 *
 * @param units  how many values the mean is over (tasks, or attempts within one task)
 * @param mean   their mean
 * @param stderr the standard error of the mean: sample standard deviation (n - 1) over the square root of n
 * @param low    the lower end of the bootstrap confidence interval
 * @param high   the upper end of the bootstrap confidence interval
 */
public record Estimate(int units, double mean, double stderr, double low, double high) {

    /** No units: every figure {@code NaN}. */
    public static final Estimate NONE = new Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public Estimate {
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative, got " + units);
        }
    }

    /**
     * The estimate of the mean of {@code values}, with a percentile bootstrap interval drawn as
     * {@code options} say.
     */
    public static Estimate of(double[] values, MetricOptions options) {
        if (values.length == 0) {
            return NONE;
        }
        double mean = mean(values);
        if (values.length == 1) {
            return new Estimate(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double stderr = Math.sqrt(squares / (values.length - 1)) / Math.sqrt(values.length);
        Bootstrap.Interval interval = Bootstrap.meanInterval(values, options.resamples(), options.seed(), options.level());
        return new Estimate(values.length, mean, stderr, interval.low(), interval.high());
    }

    /** True when there was at least one unit. */
    public boolean defined() {
        return units > 0;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
