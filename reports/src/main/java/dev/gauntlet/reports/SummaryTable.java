package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.TrialStatus;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Prints a {@link RunSummary} as a table, and puts it into {@code run.json}. */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** Prints the per-task table, phase latencies, errors by kind, agent usage and the run's totals. */
    public static void print(RunSummary summary, PrintStream out) {
        int width = Math.max(28, summary.tasks().keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s %6s %6s %6s %6s %7s %8s %17s%n";
        out.printf(Locale.ROOT, row, "task", "trials", "passed", "failed", "errors", "reward", "accuracy", "95% CI");
        summary.tasks().forEach((task, line) -> {
            var m = summary.metrics().byTask().get(task);
            out.printf(Locale.ROOT, row, task, line.trials(), line.passed(), line.failed(), line.errors(), reward(line.meanReward()),
                m == null ? "-" : MetricsTable.number(m.accuracy().mean()), m == null ? "-" : MetricsTable.interval(m.accuracy()));
        });
        out.printf(Locale.ROOT, row, "total", summary.trials(), summary.count(TrialStatus.PASSED),
            summary.count(TrialStatus.FAILED), summary.count(TrialStatus.ERROR), reward(summary.meanReward()), "", "");
        out.println();
        MetricsTable.print(summary.metrics(), out);
        printLatencies(summary.latencies(), out);
        printEngines(summary.engines(), out);
        if (summary.retries() > 0) {
            out.println("retried on a fresh sandbox after an infrastructure or model error: " + summary.retries() + " time(s)");
        }
        if (!summary.byError().isEmpty()) {
            StringBuilder errors = new StringBuilder("errors by kind:");
            summary.byError().forEach((kind, n) -> errors.append(' ').append(kind.wireName()).append('=').append(n));
            out.println(errors);
        }
        AgentUsage usage = summary.usage();
        if (usage.steps() > 0) {
            out.printf(Locale.ROOT, "agent: %d steps, %d input tokens (%d cached), %d output tokens, %s, %d model retries%n",
                usage.steps(), usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens(),
                usage.costUsd() == null ? "cost unknown" : String.format(Locale.ROOT, "$%.4f", usage.costUsd()), usage.modelRetries());
        }
        out.printf(Locale.ROOT, "mean reward %s over %d scored trials (errors excluded); wall time %.1f s; %.2f trials/s%n",
            reward(summary.meanReward()), summary.count(TrialStatus.PASSED) + summary.count(TrialStatus.FAILED),
            summary.wallTime().toMillis() / 1000.0, summary.trialsPerSecond());
    }

    /** The summary as the {@code summary} object of {@code run.json}. */
    public static ObjectNode toJson(RunSummary summary) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("trials", summary.trials());
        ObjectNode status = json.putObject("by_status");
        summary.byStatus().forEach((s, n) -> status.put(s.wireName(), n));
        ObjectNode errors = json.putObject("errors_by_kind");
        summary.byError().forEach((k, n) -> errors.put(k.wireName(), n));
        summary.meanReward().ifPresentOrElse(r -> json.put("mean_reward", r), () -> json.putNull("mean_reward"));
        json.put("mean_reward_excludes", "errored trials");
        json.put("wall_time_s", summary.wallTime().toMillis() / 1000.0);
        json.put("trials_per_s", summary.trialsPerSecond());
        json.put("steps", summary.usage().steps());
        json.put("input_tokens", summary.usage().inputTokens());
        json.put("cached_input_tokens", summary.usage().cachedInputTokens());
        json.put("output_tokens", summary.usage().outputTokens());
        if (summary.usage().costUsd() != null) {
            json.put("cost_usd", summary.usage().costUsd());
        }
        json.put("model_retries", summary.usage().modelRetries());
        json.put("trial_retries", summary.retries());
        ObjectNode latency = json.putObject("phase_latency_ms");
        summary.latencies().byName().forEach((phase, l) -> {
            ObjectNode p = latency.putObject(phase);
            p.put("count", l.count());
            if (l.count() == 0) {
                p.putNull("p50").putNull("p90").putNull("p99").putNull("max");
            } else {
                p.put("p50", l.p50()).put("p90", l.p90()).put("p99", l.p99()).put("max", l.max());
            }
        });
        ObjectNode engines = json.putObject("engines");
        summary.engines().forEach((host, e) -> {
            ObjectNode node = engines.putObject(host).put("trials", e.trials()).put("passed", e.passed()).put("failed", e.failed())
                .put("errors", e.errors());
            ObjectNode phases = node.putObject("phase_latency_ms");
            e.latencies().byName().forEach((phase, l) -> phases.putObject(phase).put("count", l.count()).put("p50", l.p50())
                .put("p90", l.p90()).put("p99", l.p99()).put("max", l.max()));
        });
        ObjectNode tasks = json.putObject("tasks");
        for (Map.Entry<String, RunSummary.TaskLine> e : summary.tasks().entrySet()) {
            ObjectNode t = tasks.putObject(e.getKey());
            t.put("trials", e.getValue().trials());
            t.put("passed", e.getValue().passed());
            t.put("failed", e.getValue().failed());
            t.put("errors", e.getValue().errors());
            e.getValue().meanReward().ifPresentOrElse(r -> t.put("mean_reward", r), () -> t.putNull("mean_reward"));
        }
        json.set("metrics", MetricsTable.toJson(summary.metrics()));
        return json;
    }

    /** One line per engine, when trials ran on more than one: counts and total-time percentiles. */
    private static void printEngines(Map<String, EngineLine> engines, PrintStream out) {
        if (engines.size() < 2) {
            return;
        }
        int width = Math.max(6, engines.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s %6s %6s %6s %6s %8s %8s %8s %8s%n";
        out.printf(Locale.ROOT, row, "engine", "trials", "passed", "failed", "errors", "setup50", "total50", "total90", "total99");
        engines.forEach((host, e) -> out.printf(Locale.ROOT, row, host, e.trials(), e.passed(), e.failed(), e.errors(),
            e.latencies().setup().p50(), e.latencies().total().p50(), e.latencies().total().p90(), e.latencies().total().p99()));
        out.println("(times in ms)");
    }

    /** One line per phase; a phase no trial reached shows dashes; nothing for a run without trials. */
    private static void printLatencies(PhaseLatencies latencies, PrintStream out) {
        if (latencies.total().count() == 0) {
            return;
        }
        String row = "%-10s %8s %8s %8s %8s%n";
        out.printf(Locale.ROOT, row, "phase", "p50 ms", "p90 ms", "p99 ms", "max ms");
        latencies.byName().forEach((phase, l) -> {
            if (l.count() == 0) {
                out.printf(Locale.ROOT, row, phase, "-", "-", "-", "-");
            } else {
                out.printf(Locale.ROOT, row, phase, l.p50(), l.p90(), l.p99(), l.max());
            }
        });
        out.println();
    }

    private static String reward(OptionalDouble reward) {
        return reward.isPresent() ? String.format(Locale.ROOT, "%.3f", reward.getAsDouble()) : "-";
    }
}
