package dev.gauntlet.reports.leaderboard;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a per-trial quantity (cost, tokens) is spread: its quantiles, mean and a histogram. Quantiles are order
 * statistics (nearest rank), so every figure is a value some trial had.
 *
 * @param count   how many values
 * @param missing trials that had no value (e.g. a cost whose price is unknown)
 * @param mean    their mean, {@code NaN} without values
 * @param p50     median
 * @param p90     90th percentile
 * @param max     the largest
 * @param bins    counts of {@link #BINS} equal-width bins from 0 to {@code max}
 */
public record Distribution(int count, int missing, double mean, double p50, double p90, double max, List<Integer> bins) {

    public Distribution {
        bins = List.copyOf(bins);
    }

    /** Bins of a histogram. */
    public static final int BINS = 20;

    /** The distribution of {@code values}, non-negative; {@code missing} trials had none. */
    public static Distribution of(double[] values, int missing) {
        if (values.length == 0) {
            return new Distribution(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Collections.nCopies(BINS, 0));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double max = sorted[sorted.length - 1];
        int[] bins = new int[BINS];
        double sum = 0;
        for (double v : sorted) {
            sum += v;
            bins[max == 0 ? 0 : Math.min(BINS - 1, (int) (v / max * BINS))]++;
        }
        return new Distribution(sorted.length, missing, sum / sorted.length, rank(sorted, 0.5), rank(sorted, 0.9), max, IntStream.of(bins).boxed().toList());
    }

    private static double rank(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
