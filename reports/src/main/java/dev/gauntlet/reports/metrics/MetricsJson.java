package dev.gauntlet.reports.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link Metrics} as JSON, the form {@code run.json} uses: figures that cannot be computed are {@code null}.
 *
 * <pre>{@code {"trials": 10, "tasks": 5, "counted": 9, "errored": 1, "errors": "exclude",
 *  "accuracy": {"units": 2, "mean": 0.5, "stderr": 0.1, "ci_low": 0.3, "ci_high": 0.7},
 *  "mean_reward": {...}, "pass_at_k": {"1": {...}, "2": {...}}}}</pre>
 */
public final class MetricsJson {

    private MetricsJson() {
    }

    public static ObjectNode toJson(Metrics metrics) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("trials", metrics.trials());
        json.put("tasks", metrics.tasks());
        json.put("counted", metrics.counted());
        json.put("errored", metrics.errored());
        json.put("errors", metrics.errorPolicy().wireName());
        json.set("accuracy", toJson(metrics.accuracy()));
        json.set("mean_reward", toJson(metrics.meanReward()));
        ObjectNode passAtK = json.putObject("pass_at_k");
        metrics.passAtK().forEach(p -> passAtK.set(Integer.toString(p.k()), toJson(p.estimate())));
        return json;
    }

    public static ObjectNode toJson(Estimate estimate) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("units", estimate.units());
        number(json, "mean", estimate.mean());
        number(json, "stderr", estimate.stderr());
        number(json, "ci_low", estimate.low());
        number(json, "ci_high", estimate.high());
        return json;
    }

    private static void number(ObjectNode json, String name, double value) {
        if (Double.isNaN(value)) {
            json.putNull(name);
        } else {
            json.put(name, value);
        }
    }
}
