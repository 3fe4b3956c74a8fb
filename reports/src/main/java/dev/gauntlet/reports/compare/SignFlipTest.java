package dev.gauntlet.reports.compare;

import java.util.Random;

/**
 * The paired sign-flip (permutation) test of "no difference" on per-task differences: under the null hypothesis
 * each difference is as likely to have the other sign, so the p-value is the share of sign assignments whose
 * sum is at least as far from 0 as the one observed (two-sided).
 *
 * <p>When every non-zero difference has the same size (0/1 rewards, one attempt per task) the count of positive
 * signs is binomial and the p-value is computed exactly: this is the exact McNemar test. Otherwise it is exact by
 * enumeration up to {@value #EXACT_UP_TO} non-zero differences, and past that estimated from
 * {@value #RESAMPLES} seeded random sign assignments ({@code (hits + 1) / (resamples + 1)}, never 0).
 */
public final class SignFlipTest {

    static final int EXACT_UP_TO = 20;
    static final int RESAMPLES = 20_000;
    private static final double TOLERANCE = 1e-9;

    /**
     * The outcome.
     *
     * @param pValue   two-sided
     * @param nonZero  differences that were not 0: the only ones that carry information
     * @param method   {@code exact McNemar}, {@code exact sign-flip} or {@code sign-flip, N resamples}
     */
    public record Result(double pValue, int nonZero, String method) {
    }

    private SignFlipTest() {
    }

    /** Tests {@code differences}; the seed is used only when the p-value is estimated by resampling. */
    public static Result test(double[] differences, long seed) {
        double[] nonZero = java.util.Arrays.stream(differences).filter(d -> Math.abs(d) > TOLERANCE).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return new Result(1.0, 0, "exact McNemar");
        }
        double size = Math.abs(nonZero[0]);
        if (java.util.Arrays.stream(nonZero).allMatch(d -> Math.abs(Math.abs(d) - size) < TOLERANCE)) {
            int positive = (int) java.util.Arrays.stream(nonZero).filter(d -> d > 0).count();
            return new Result(binomialTwoSided(n, positive), n, "exact McNemar");
        }
        double observed = Math.abs(sum(nonZero)) - TOLERANCE;
        if (n <= EXACT_UP_TO) {
            long hits = 0;
            for (long signs = 0; signs < 1L << n; signs++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (signs >> i & 1) == 1 ? -nonZero[i] : nonZero[i];
                }
                if (Math.abs(s) >= observed) {
                    hits++;
                }
            }
            return new Result((double) hits / (1L << n), n, "exact sign-flip");
        }
        Random random = new Random(seed);
        long hits = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (double d : nonZero) {
                s += random.nextBoolean() ? d : -d;
            }
            if (Math.abs(s) >= observed) {
                hits++;
            }
        }
        return new Result((hits + 1.0) / (RESAMPLES + 1.0), n, "sign-flip, " + RESAMPLES + " resamples");
    }

    /** P(X <= k or its mirror image) for X ~ Binomial(n, 1/2): twice the smaller tail, at most 1. */
    static double binomialTwoSided(int n, int k) {
        int tail = Math.min(k, n - k);
        double logPmf = -n * Math.log(2);
        double p = 0;
        for (int i = 0; i <= tail; i++) {
            if (i > 0) {
                logPmf += Math.log((double) (n - i + 1) / i);
            }
            p += Math.exp(logPmf);
        }
        return Math.min(1.0, 2 * p);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
