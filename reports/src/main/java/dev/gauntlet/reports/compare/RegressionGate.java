package dev.gauntlet.reports.compare;

import java.util.Locale;

/**
 * The nightly job's question: is the candidate worse than the baseline by more than {@code maxDrop}, and is the drop
 * significant (two-sided p below {@code alpha})? Both must hold for a regression, so noise alone never fails a
 * job, nor does a real but tolerated drop.
 *
 * @param maxDrop the drop in score tolerated, e.g. 0.05 for five points of a 0..1 score
 * @param alpha   the significance level, e.g. 0.05
 */
public record RegressionGate(double maxDrop, double alpha) {

    public static final double DEFAULT_ALPHA = 0.05;

    public RegressionGate {
        if (!(maxDrop >= 0)) {
            throw new IllegalArgumentException("--fail-if-drop must be 0 or more (a drop in score, e.g. 0.05), got " + maxDrop);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha must be between 0 and 1, got " + alpha);
        }
    }

    /** The gate's decision, and why, in one line. */
    public record Verdict(boolean regression, String reason) {
    }

    public Verdict judge(RunComparison c) {
        double drop = -c.difference().mean();
        String figures = String.format(Locale.ROOT, "candidate %.3f vs baseline %.3f on %d task(s): %+.3f (%d%% CI %s), p = %s (%s)",
            c.candidateScore(), c.baselineScore(), c.pairs().size(), c.difference().mean(), Math.round(c.options().level() * 100),
            interval(c), p(c.test().pValue()), c.test().method());
        boolean tooLarge = drop > maxDrop;
        boolean significant = c.test().pValue() < alpha;
        if (tooLarge && significant) {
            return new Verdict(true, String.format(Locale.ROOT, "REGRESSION: %s; the drop %.3f exceeds %.3f and p < %s", figures, drop, maxDrop, alpha));
        }
        String why = !tooLarge ? String.format(Locale.ROOT, "the drop is not more than %.3f", maxDrop)
            : String.format(Locale.ROOT, "the drop %.3f exceeds %.3f but is not significant (p >= %s)", drop, maxDrop, alpha);
        return new Verdict(false, "OK: " + figures + "; " + why);
    }

    static String p(double p) {
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String interval(RunComparison c) {
        return Double.isNaN(c.difference().low()) ? "-"
            : String.format(Locale.ROOT, "%+.3f to %+.3f", c.difference().low(), c.difference().high());
    }
}
