package dev.gauntlet.reports;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.metrics.MetricOptions;
import dev.gauntlet.reports.metrics.RunMetrics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Counts and means over a run's records. Mean reward is over scored trials only (passed and failed);
 * errored trials are counted apart and excluded from it.
 *
 * @param trials   records in the run
 * @param byStatus records per status
 * @param byError  errored records per kind
 * @param meanReward mean reward of scored trials, empty when none was scored
 * @param tasks    per task: the same figures
 * @param wallTime the run's wall time
 * @param usage    agent steps, tokens, cost (of the trials whose price is known) and model retries, summed
 * @param latencies percentiles of the trials' setup, agent, verifier and total times
 * @param retries  times trials were run again after an infrastructure or model error, summed
 * @param metrics  accuracy, mean reward, their uncertainty and pass@k, per (agent, model), task and metadata group
 * @param engines  per engine that ran trials ({@code sandbox_host}): counts and phase latencies
 */
public record RunSummary(int trials, Map<TrialStatus, Integer> byStatus, Map<ErrorKind, Integer> byError,
                         OptionalDouble meanReward, Map<String, TaskLine> tasks, Duration wallTime, AgentUsage usage,
                         PhaseLatencies latencies, int retries, RunMetrics metrics, Map<String, EngineLine> engines) {

    /** One task's line of the summary table. */
    public record TaskLine(int trials, int passed, int failed, int errors, OptionalDouble meanReward) {
    }

    /** Summarises {@code records}, a run that took {@code wallTime}, with the default metric options. */
    public static RunSummary of(List<TrialRecord> records, Duration wallTime) {
        return of(records, wallTime, MetricOptions.defaults());
    }

    /** Summarises {@code records}, a run that took {@code wallTime}, computing metrics as {@code options} say. */
    public static RunSummary of(List<TrialRecord> records, Duration wallTime, MetricOptions options) {
        Map<TrialStatus, Integer> byStatus = new EnumMap<>(TrialStatus.class);
        Map<ErrorKind, Integer> byError = new EnumMap<>(ErrorKind.class);
        for (TrialStatus status : TrialStatus.values()) {
            byStatus.put(status, 0);
        }
        Map<String, List<TrialRecord>> perTask = new TreeMap<>();
        for (TrialRecord r : records) {
            byStatus.merge(r.status(), 1, Integer::sum);
            if (r.errorKind() != null) {
                byError.merge(r.errorKind(), 1, Integer::sum);
            }
            perTask.computeIfAbsent(r.taskId(), k -> new java.util.ArrayList<>()).add(r);
        }
        Map<String, TaskLine> tasks = new TreeMap<>();
        perTask.forEach((task, list) -> tasks.put(task, new TaskLine(list.size(), count(list, TrialStatus.PASSED),
            count(list, TrialStatus.FAILED), count(list, TrialStatus.ERROR), meanReward(list))));
        return new RunSummary(records.size(), byStatus, byError, meanReward(records), tasks, wallTime, total(records),
            PhaseLatencies.of(records), records.stream().mapToInt(TrialRecord::retries).sum(), RunMetrics.of(records, options),
            EngineLine.of(records));
    }

    public int count(TrialStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public double trialsPerSecond() {
        double seconds = wallTime.toNanos() / 1e9;
        return seconds <= 0 ? 0 : trials / seconds;
    }

    private static AgentUsage total(List<TrialRecord> records) {
        int steps = 0;
        int retries = 0;
        long input = 0;
        long cached = 0;
        long output = 0;
        Double cost = null;
        for (TrialRecord r : records) {
            AgentUsage u = r.usage();
            steps += u.steps();
            retries += u.modelRetries();
            input += u.inputTokens();
            cached += u.cachedInputTokens();
            output += u.outputTokens();
            if (u.costUsd() != null) {
                cost = (cost == null ? 0 : cost) + u.costUsd();
            }
        }
        return new AgentUsage(steps, input, cached, output, cost, null, retries);
    }

    private static int count(List<TrialRecord> records, TrialStatus status) {
        return (int) records.stream().filter(r -> r.status() == status).count();
    }

    private static OptionalDouble meanReward(List<TrialRecord> records) {
        return records.stream().filter(r -> r.reward() != null).mapToDouble(TrialRecord::reward).average();
    }
}
