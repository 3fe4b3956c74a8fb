package dev.gauntlet.harness.model;

import dev.gauntlet.datasets.Task;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The model of a run, by spec: {@code openai/MODEL} (chat completions; any OpenAI-compatible server),
 * {@code anthropic/MODEL} (messages API), {@code oracle} (replays each task's solution) or {@code scripted:FILE}
 * (replies from a JSONL file). HTTP clients are shared by all trials, paced by one {@link ModelThrottle} and retried
 * by {@link RetryingModel}.
 */
public final class ModelClients implements AutoCloseable {

    /** One model: its client per task, the client to close, and its throttle (HTTP models only). */
    private record Opened(Function<Task, ModelClient> perTask, ModelClient shared, ModelThrottle throttle) {
    }

    private final Map<String, Opened> bySpec;

    private ModelClients(Map<String, Opened> bySpec) {
        this.bySpec = bySpec;
    }

    /** @param spec the model spec, or null for a run whose agent needs none */
    public static ModelClients open(String spec, ModelSettings settings, Vertx vertx) {
        return open(spec == null ? List.of() : List.of(spec), settings, vertx);
    }

    /** Every model of a run, each with its own client, throttle and retries. */
    public static ModelClients open(List<String> specs, ModelSettings settings, Vertx vertx) {
        Map<String, Opened> bySpec = new LinkedHashMap<>();
        try {
            for (String spec : specs) {
                bySpec.put(spec, openOne(spec, settings, vertx));
            }
        } catch (RuntimeException e) {
            new ModelClients(bySpec).close();
            throw e;
        }
        return new ModelClients(bySpec);
    }

    private static Opened openOne(String spec, ModelSettings settings, Vertx vertx) {
        if (spec.equals("oracle")) {
            return new Opened(OracleModel::new, null, null);
        }
        if (spec.startsWith("scripted:")) {
            ModelClient scripted = new ScriptedModel(Path.of(spec.substring("scripted:".length())));
            return new Opened(task -> scripted, scripted, null);
        }
        int slash = spec.indexOf('/');
        String provider = slash < 0 ? spec : spec.substring(0, slash);
        String model = slash < 0 ? "" : spec.substring(slash + 1);
        ModelClient client = switch (provider) {
            case "openai" -> new OpenAiClient(vertx, requireModel(spec, model),
                HttpModelSettings.openAi(settings.baseUrl(), null, settings.timeout(), settings.env()));
            case "anthropic" -> new AnthropicClient(vertx, requireModel(spec, model),
                HttpModelSettings.anthropic(settings.baseUrl(), null, settings.timeout(), settings.env()));
            default -> throw new IllegalArgumentException("unknown model '" + spec
                + "'; use openai/MODEL, anthropic/MODEL, oracle or scripted:FILE");
        };
        ModelThrottle throttle = new ModelThrottle(vertx, client, settings.quota());
        ModelClient retrying = new RetryingModel(vertx, throttle, settings.maxRetries());
        return new Opened(task -> retrying, retrying, throttle);
    }

    private static String requireModel(String spec, String model) {
        if (model.isBlank()) {
            throw new IllegalArgumentException("model spec '" + spec + "' names no model; write PROVIDER/MODEL, e.g. openai/gpt-4o");
        }
        return model;
    }

    /** The model {@code spec} for a trial of this task. */
    public ModelClient forTrial(String spec, Task task) {
        Opened opened = bySpec.get(spec);
        if (opened == null) {
            throw new IllegalArgumentException("model " + spec + " was not opened for this run");
        }
        return opened.perTask().apply(task);
    }

    /** The only model's client for this task, or null when none was opened. */
    public ModelClient forTask(Task task) {
        if (bySpec.size() > 1) {
            throw new IllegalStateException("several models are open; ask forTrial(spec, task)");
        }
        return bySpec.isEmpty() ? null : bySpec.values().iterator().next().perTask().apply(task);
    }

    /** What pacing each model did, for the run's summary; empty when no provider refused a request. */
    public String throttleReport() {
        StringBuilder report = new StringBuilder();
        bySpec.forEach((spec, opened) -> {
            String line = opened.throttle() == null ? "" : opened.throttle().report();
            if (!line.isEmpty()) {
                report.append(report.isEmpty() ? "" : "; ").append(spec).append(": ").append(line);
            }
        });
        return report.toString();
    }

    @Override
    public void close() {
        bySpec.values().forEach(o -> {
            if (o.shared() != null) {
                o.shared().close();
            }
        });
    }
}
