package dev.gauntlet.reports.metrics;

import java.util.Objects;

/**
 * How metrics are computed.
 *
 * @param errors    how errored trials count
 * @param seed      the bootstrap's seed; the same seed gives the same intervals
 * @param resamples bootstrap resamples
 * @param level     the confidence level of the intervals, e.g. 0.95
 */
public record MetricOptions(ErrorPolicy errors, long seed, int resamples, double level) {

    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final double DEFAULT_LEVEL = 0.95;

    public MetricOptions {
        Objects.requireNonNull(errors, "errors");
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must be between 0 and 1, got " + level);
        }
    }

    /** Errors excluded, seed 0, 1,000 resamples, 95 %. */
    public static MetricOptions defaults() {
        return new MetricOptions(ErrorPolicy.EXCLUDE, DEFAULT_SEED, DEFAULT_RESAMPLES, DEFAULT_LEVEL);
    }

    public MetricOptions withErrors(ErrorPolicy policy) {
        return new MetricOptions(policy, seed, resamples, level);
    }

    public MetricOptions withSeed(long newSeed) {
        return new MetricOptions(errors, newSeed, resamples, level);
    }
}
