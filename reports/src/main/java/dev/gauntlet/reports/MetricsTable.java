package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.reports.metrics.AgentModel;
import dev.gauntlet.reports.metrics.Estimate;
import dev.gauntlet.reports.metrics.MetricOptions;
import dev.gauntlet.reports.metrics.Metrics;
import dev.gauntlet.reports.metrics.MetricsJson;
import dev.gauntlet.reports.metrics.RunMetrics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** Prints a run's {@link RunMetrics}, and puts them into {@code run.json}. */
public final class MetricsTable {

    private MetricsTable() {
    }

    /** Per (agent, model): accuracy with its standard error and interval, mean reward, pass@k; then per metadata group. */
    public static void print(RunMetrics metrics, PrintStream out) {
        if (metrics.byAgentModel().isEmpty()) {
            return;
        }
        out.println("metrics: " + describe(metrics.options()));
        String row = "%-32s %8s %8s %17s %8s %6s %7s%n";
        out.printf(Locale.ROOT, row, "agent (model)", "accuracy", "stderr", ci(metrics.options()), "reward", "tasks", "trials");
        for (Map.Entry<AgentModel, Metrics> e : metrics.byAgentModel().entrySet()) {
            Metrics m = e.getValue();
            out.printf(Locale.ROOT, row, e.getKey().label(), number(m.accuracy().mean()), number(m.accuracy().stderr()),
                interval(m.accuracy()), number(m.meanReward().mean()), m.tasks(), m.counted());
            for (Metrics.PassAt p : m.passAtK()) {
                out.printf(Locale.ROOT, row, "  pass@" + p.k(), number(p.estimate().mean()), number(p.estimate().stderr()),
                    interval(p.estimate()), "", p.estimate().units(), "");
            }
        }
        for (Map.Entry<String, SortedMap<String, Metrics>> field : metrics.byMetadata().entrySet()) {
            out.printf(Locale.ROOT, row, "by " + field.getKey(), "", "", "", "", "", "");
            field.getValue().forEach((value, m) -> out.printf(Locale.ROOT, row, "  " + value, number(m.accuracy().mean()),
                number(m.accuracy().stderr()), interval(m.accuracy()), number(m.meanReward().mean()), m.tasks(), m.counted()));
        }
        out.println();
    }

    /** How the figures were computed, in words: the error policy, interval and unit. */
    public static String describe(MetricOptions options) {
        return String.format(Locale.ROOT, "%s; %s bootstrap CI (%d resamples, seed %d) over tasks, each task's attempts averaged",
            options.errors().describe(), percent(options.level()), options.resamples(), options.seed());
    }

    /** The {@code metrics} object of {@code run.json}. */
    public static ObjectNode toJson(RunMetrics metrics) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        MetricOptions options = metrics.options();
        json.put("errors", options.errors().wireName());
        json.put("errors_note", options.errors().describe());
        json.put("confidence_level", options.level());
        json.put("bootstrap_resamples", options.resamples());
        json.put("bootstrap_seed", options.seed());
        json.put("unit", "task (its attempts averaged); within one task, the attempt");
        ObjectNode byAgent = json.putObject("by_agent_model");
        metrics.byAgentModel().forEach((key, m) -> {
            ObjectNode entry = MetricsJson.toJson(m);
            entry.put("agent", key.agent());
            if (key.model() == null) {
                entry.putNull("model");
            } else {
                entry.put("model", key.model());
            }
            byAgent.set(key.label(), entry);
        });
        ObjectNode byTask = json.putObject("by_task");
        metrics.byTask().forEach((task, m) -> byTask.set(task, MetricsJson.toJson(m)));
        ObjectNode byMetadata = json.putObject("by_metadata");
        metrics.byMetadata().forEach((field, groups) -> {
            ObjectNode values = byMetadata.putObject(field);
            groups.forEach((value, m) -> values.set(value, MetricsJson.toJson(m)));
        });
        return json;
    }

    static String interval(Estimate e) {
        if (Double.isNaN(e.low())) {
            return "-";
        }
        return String.format(Locale.ROOT, "[%.3f, %.3f]", e.low(), e.high());
    }

    static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String ci(MetricOptions options) {
        return percent(options.level()) + " CI";
    }

    private static String percent(double level) {
        double percent = level * 100;
        return percent == Math.rint(percent) ? String.format(Locale.ROOT, "%d%%", (long) percent) : String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
