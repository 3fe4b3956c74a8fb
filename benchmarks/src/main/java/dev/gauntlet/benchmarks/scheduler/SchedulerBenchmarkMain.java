package dev.gauntlet.benchmarks.scheduler;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link SchedulerBenchmark} with JMH; the last line is one JSON object. */
public final class SchedulerBenchmarkMain {

    private SchedulerBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
            .include(SchedulerBenchmark.class.getName() + "\\.")
            .build()).run();
        double scheduledMs = score(results, "scheduled");
        double baselineMs = score(results, "baseline");
        int n = SchedulerBenchmark.TRIALS;
        System.out.printf(Locale.ROOT, "{\"benchmark\": \"scheduler\", \"trials_per_invocation\": %d, \"concurrency\": %d, "
                + "\"trials_per_s\": %.0f, \"baseline_trials_per_s\": %.0f, \"overhead_us_per_trial\": %.3f}%n",
            n, SchedulerBenchmark.CONCURRENCY, n / (scheduledMs / 1000), n / (baselineMs / 1000), (scheduledMs - baselineMs) * 1000 / n);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
            .orElseThrow(() -> new IllegalStateException("no result for " + method)).getPrimaryResult().getScore();
    }
}
