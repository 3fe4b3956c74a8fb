package dev.gauntlet.reports.metrics;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The metrics of one group of trials (a run, one (agent, model), one task, one metadata value).
 *
 * <p>The unit of the mean, the standard error and the bootstrap is the task, each task's attempts averaged
 * first, so a task with more attempts does not weigh more; within a group of one task it is the attempt.
 * pass@k is the mean over tasks of the unbiased per-task estimate, over the tasks with at least {@code k}
 * counted attempts ({@link Estimate#units()} says how many), for every {@code k} up to the most attempts a task
 * has; its interval resamples tasks (one task: no interval).
 *
 * @param trials      records in the group
 * @param tasks       distinct tasks among the counted trials
 * @param counted     trials the figures are over: all of them, or without the errored ones
 * @param errored     records with status {@code error}
 * @param errorPolicy how the errored ones were counted
 * @param accuracy    the share of trials that passed
 * @param meanReward  the mean reward (errored trials: 0, or left out)
 * @param passAtK     pass@1, pass@2, ... in order of k
 */
public record Metrics(int trials, int tasks, int counted, int errored, ErrorPolicy errorPolicy, Estimate accuracy,
                      Estimate meanReward, List<PassAt> passAtK) {

    /**
     * The pass@k estimate for one {@code k}.
     *
     * @param k        attempts drawn
     * @param estimate over the tasks with at least {@code k} attempts
     */
    public record PassAt(int k, Estimate estimate) {
    }

    public Metrics {
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(meanReward, "meanReward");
        passAtK = List.copyOf(passAtK);
    }

    /** Computes the metrics of {@code records} as one group. */
    public static Metrics of(List<TrialRecord> records, MetricOptions options) {
        Map<String, List<Outcome>> byTask = new TreeMap<>();
        int errored = 0;
        for (TrialRecord r : sorted(records)) {
            if (r.status() == TrialStatus.ERROR) {
                errored++;
                if (options.errors() == ErrorPolicy.EXCLUDE) {
                    continue;
                }
            }
            byTask.computeIfAbsent(r.dataset() + "\u0000" + r.taskId(), k -> new ArrayList<>()).add(Outcome.of(r));
        }
        List<List<Outcome>> tasks = List.copyOf(byTask.values());
        int counted = tasks.stream().mapToInt(List::size).sum();
        Estimate accuracy;
        Estimate reward;
        if (tasks.size() == 1) {
            List<Outcome> attempts = tasks.getFirst();
            accuracy = Estimate.of(attempts.stream().mapToDouble(o -> o.passed() ? 1 : 0).toArray(), options);
            reward = Estimate.of(attempts.stream().mapToDouble(Outcome::reward).toArray(), options);
        } else {
            accuracy = Estimate.of(tasks.stream().mapToDouble(t -> t.stream().mapToDouble(o -> o.passed() ? 1 : 0).average().orElseThrow()).toArray(), options);
            reward = Estimate.of(tasks.stream().mapToDouble(t -> t.stream().mapToDouble(Outcome::reward).average().orElseThrow()).toArray(), options);
        }
        return new Metrics(records.size(), tasks.size(), counted, errored, options.errors(), accuracy, reward, passAtK(tasks, options));
    }

    /** Records in a fixed order (task, attempt, trial), so the bootstrap draws the same in whatever order they were read. */
    private static List<TrialRecord> sorted(List<TrialRecord> records) {
        return records.stream().sorted(Comparator.comparing(TrialRecord::dataset).thenComparing(TrialRecord::taskId)
            .thenComparingInt(TrialRecord::attempt).thenComparing(TrialRecord::trialId)).toList();
    }

    /** pass@k for {@code k}, if computed. */
    public java.util.Optional<Estimate> passAt(int k) {
        return passAtK.stream().filter(p -> p.k() == k).map(PassAt::estimate).findFirst();
    }

    private static List<PassAt> passAtK(List<List<Outcome>> tasks, MetricOptions options) {
        int maxK = tasks.stream().mapToInt(List::size).max().orElse(0);
        List<PassAt> result = new ArrayList<>();
        for (int k = 1; k <= maxK; k++) {
            int draw = k;
            double[] perTask = tasks.stream().filter(t -> t.size() >= draw)
                .mapToDouble(t -> PassAtK.estimate(t.size(), (int) t.stream().filter(Outcome::passed).count(), draw))
                .toArray();
            result.add(new PassAt(k, Estimate.of(perTask, options)));
        }
        return result;
    }

    /** One counted trial: whether it passed, and its reward (an errored trial counted as 0). */
    private record Outcome(boolean passed, double reward) {
        static Outcome of(TrialRecord r) {
            boolean passed = r.status() == TrialStatus.PASSED;
            double reward = r.status() == TrialStatus.ERROR || r.reward() == null ? (passed ? 1 : 0) : r.reward();
            return new Outcome(passed, reward);
        }
    }
}
