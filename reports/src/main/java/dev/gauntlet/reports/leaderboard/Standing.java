package dev.gauntlet.reports.leaderboard;

import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.Contender;
import dev.gauntlet.reports.PhaseLatencies;
import dev.gauntlet.reports.metrics.Estimate;
import dev.gauntlet.reports.metrics.MetricOptions;
import dev.gauntlet.reports.metrics.Metrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One contender's line of the leaderboard.
 *
 * @param contender who
 * @param trials    its trial records
 * @param metrics   score (mean reward per task), accuracy and pass@k with their intervals
 * @param byStatus  trials per status
 * @param byError   errored trials per kind
 * @param costUsd   cost per trial, of the trials whose price is known
 * @param tokens    input plus output tokens per trial
 * @param latencies phase latency percentiles
 */
public record Standing(Contender contender, List<TrialRecord> trials, Metrics metrics, Map<TrialStatus, Integer> byStatus,
                       Map<ErrorKind, Integer> byError, Distribution costUsd, Distribution tokens, PhaseLatencies latencies) {

    public Standing {
        trials = List.copyOf(trials);
    }

    /** The standing of {@code contender}, whose trials are {@code trials}. */
    public static Standing of(Contender contender, List<TrialRecord> trials, MetricOptions options) {
        Map<TrialStatus, Integer> byStatus = new EnumMap<>(TrialStatus.class);
        Map<ErrorKind, Integer> byError = new EnumMap<>(ErrorKind.class);
        for (TrialStatus status : TrialStatus.values()) {
            byStatus.put(status, 0);
        }
        double[] cost = trials.stream().filter(r -> r.usage().costUsd() != null).mapToDouble(r -> r.usage().costUsd()).toArray();
        double[] tokens = trials.stream().mapToDouble(r -> r.usage().inputTokens() + r.usage().outputTokens()).toArray();
        for (TrialRecord r : trials) {
            byStatus.merge(r.status(), 1, Integer::sum);
            if (r.errorKind() != null) {
                byError.merge(r.errorKind(), 1, Integer::sum);
            }
        }
        return new Standing(contender, trials, Metrics.of(trials, options), byStatus, byError,
            Distribution.of(cost, trials.size() - cost.length), Distribution.of(tokens, 0), PhaseLatencies.of(trials));
    }

    /** The headline score: mean reward, each task's attempts averaged first. */
    public Estimate score() {
        return metrics.meanReward();
    }

    public int count(TrialStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** Tasks this contender ran. */
    public long tasks() {
        return trials.stream().map(r -> r.dataset() + '\u0000' + r.taskId()).distinct().count();
    }
}
