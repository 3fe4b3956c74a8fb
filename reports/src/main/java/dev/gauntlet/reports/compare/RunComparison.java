package dev.gauntlet.reports.compare;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.reports.Contender;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.leaderboard.TaskMatrix.TaskKey;
import dev.gauntlet.reports.metrics.Estimate;
import dev.gauntlet.reports.metrics.GroupedMetrics;
import dev.gauntlet.reports.metrics.MetricOptions;
import dev.gauntlet.reports.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A candidate run against a baseline, task by task. Each shared task's score is its mean reward over attempts (as
 * {@link Metrics} computes it); tasks a run could not score (every attempt errored, errors excluded) are left out.
 * The difference is the mean of the per-task differences, with a bootstrap interval over tasks, and its
 * significance comes from the paired {@link SignFlipTest}. A task flips when it passed in most attempts in one run
 * and in fewer than half in the other.
 *
 * @param baseline   the baseline's agent and model
 * @param candidate  the candidate's
 * @param overlap    which tasks the runs share
 * @param pairs      one per shared task both runs scored, sorted by task
 * @param unscored   shared tasks left out because a run scored no attempt of them
 * @param difference candidate minus baseline, per task, with its interval
 * @param test       the paired significance test of the difference
 * @param options    how scores were computed
 */
public record RunComparison(Contender baseline, Contender candidate, TaskOverlap overlap, List<TaskPair> pairs, int unscored,
                            Estimate difference, SignFlipTest.Result test, MetricOptions options) {

    /**
     * One shared task in both runs.
     *
     * @param task            which
     * @param baseline        its score in the baseline
     * @param candidate       its score in the candidate
     * @param baselinePassed  whether it passed in at least half the baseline's attempts
     * @param candidatePassed the same in the candidate
     */
    public record TaskPair(TaskKey task, double baseline, double candidate, boolean baselinePassed, boolean candidatePassed) {
    }

    public RunComparison {
        Objects.requireNonNull(overlap, "overlap");
        pairs = List.copyOf(pairs);
    }

    /**
     * Compares two runs, each of one agent and model.
     *
     * @throws IllegalArgumentException if a run holds more than one agent and model, naming them, or the runs share no
     *     task they both scored
     */
    public static RunComparison of(RunRecords baseline, RunRecords candidate, MetricOptions options) {
        Contender base = single(baseline);
        Contender cand = single(candidate);
        TaskOverlap overlap = TaskOverlap.of(baseline.trials(), candidate.trials());
        Map<TaskKey, Metrics> baseTasks = perTask(baseline.trials(), overlap, options);
        Map<TaskKey, Metrics> candTasks = perTask(candidate.trials(), overlap, options);
        List<TaskPair> pairs = new ArrayList<>();
        int unscored = 0;
        for (TaskKey task : overlap.shared()) {
            Metrics b = baseTasks.get(task);
            Metrics c = candTasks.get(task);
            if (!b.meanReward().defined() || !c.meanReward().defined()) {
                unscored++;
                continue;
            }
            pairs.add(new TaskPair(task, b.meanReward().mean(), c.meanReward().mean(), b.accuracy().mean() >= 0.5, c.accuracy().mean() >= 0.5));
        }
        pairs.sort(java.util.Comparator.comparing(TaskPair::task));
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("the runs " + baseline.dir() + " and " + candidate.dir() + " share no task that both scored: nothing to compare"
                + (!overlap.needsWarning() ? "" : "; " + overlap.warning().substring("warning: ".length())));
        }
        double[] differences = pairs.stream().mapToDouble(p -> p.candidate() - p.baseline()).toArray();
        return new RunComparison(base, cand, overlap, pairs, unscored, Estimate.of(differences, options),
            SignFlipTest.test(differences, options.seed()), options);
    }

    /** The baseline's score over the compared tasks. */
    public double baselineScore() {
        return pairs.stream().mapToDouble(TaskPair::baseline).average().orElse(Double.NaN);
    }

    /** The candidate's score over the compared tasks. */
    public double candidateScore() {
        return pairs.stream().mapToDouble(TaskPair::candidate).average().orElse(Double.NaN);
    }

    /** Tasks that passed in the baseline and not in the candidate. */
    public List<TaskKey> passToFail() {
        return pairs.stream().filter(p -> p.baselinePassed() && !p.candidatePassed()).map(TaskPair::task).toList();
    }

    /** Tasks that failed in the baseline and passed in the candidate. */
    public List<TaskKey> failToPass() {
        return pairs.stream().filter(p -> !p.baselinePassed() && p.candidatePassed()).map(TaskPair::task).toList();
    }

    private static Map<TaskKey, Metrics> perTask(List<TrialRecord> trials, TaskOverlap overlap, MetricOptions options) {
        List<TrialRecord> shared = trials.stream().filter(r -> overlap.shared().contains(TaskKey.of(r))).toList();
        return GroupedMetrics.by(shared, TaskKey::of, options);
    }

    private static Contender single(RunRecords run) {
        List<Contender> contenders = run.trials().stream().map(Contender::of).distinct().toList();
        if (contenders.size() != 1) {
            throw new IllegalArgumentException("compare takes runs of one agent and model each; " + run.dir() + " has "
                + contenders.size() + ": " + contenders.stream().map(Contender::label).collect(Collectors.joining(", ")));
        }
        return contenders.getFirst();
    }
}
