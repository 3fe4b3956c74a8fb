package dev.gauntlet.reports.metrics;

/**
 * The unbiased pass@k estimator: the chance that at least one of {@code k} attempts drawn without replacement
 * from {@code n}, of which {@code c} passed, passes: {@code 1 - C(n-c, k) / C(n, k)}.
 *
 * <p>Computed in product form, {@code 1 - prod_{i=n-c+1..n} (1 - k/i)}, which never forms a binomial
 * coefficient and so neither overflows nor loses precision for large {@code n}.
 */
public final class PassAtK {

    private PassAtK() {
    }

    /**
     * Estimates pass@k from {@code n} attempts of which {@code c} passed.
     *
     * @throws IllegalArgumentException unless {@code 0 <= c <= n} and {@code 1 <= k <= n}
     */
    public static double estimate(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n) {
            throw new IllegalArgumentException("pass@k needs 0 <= c <= n and n >= 1, got n=" + n + ", c=" + c);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("pass@k needs 1 <= k <= n, got k=" + k + ", n=" + n);
        }
        if (n - c < k) {
            return 1.0;
        }
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allFail *= 1.0 - (double) k / i;
        }
        return 1.0 - allFail;
    }
}
