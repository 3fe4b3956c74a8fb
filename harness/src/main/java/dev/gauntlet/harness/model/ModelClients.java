package dev.gauntlet.harness.model;

import dev.gauntlet.datasets.Task;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The model of a run, by spec: {@code openai/MODEL} (chat completions; any OpenAI-compatible server),
 * {@code anthropic/MODEL} (messages API), {@code oracle} (replays each task's solution) or {@code scripted:FILE}
 * (replies from a JSONL file). HTTP clients are shared by all trials, paced by one {@link ModelThrottle} and retried
 * by {@link RetryingModel}.
 */
public final class ModelClients implements AutoCloseable {

    private final Function<Task, ModelClient> perTask;
    private final ModelClient shared;
    private final ModelThrottle throttle;

    private ModelClients(Function<Task, ModelClient> perTask, ModelClient shared) {
        this(perTask, shared, null);
    }

    private ModelClients(Function<Task, ModelClient> perTask, ModelClient shared, ModelThrottle throttle) {
        this.perTask = perTask;
        this.shared = shared;
        this.throttle = throttle;
    }

    /** @param spec the model spec, or null for a run whose agent needs none */
    public static ModelClients open(String spec, ModelSettings settings, Vertx vertx) {
        if (spec == null) {
            return new ModelClients(task -> null, null);
        }
        if (spec.equals("oracle")) {
            return new ModelClients(OracleModel::new, null);
        }
        if (spec.startsWith("scripted:")) {
            ModelClient scripted = new ScriptedModel(Path.of(spec.substring("scripted:".length())));
            return new ModelClients(task -> scripted, scripted);
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
        return new ModelClients(task -> retrying, retrying, throttle);
    }

    private static String requireModel(String spec, String model) {
        if (model.isBlank()) {
            throw new IllegalArgumentException("model spec '" + spec + "' names no model; write PROVIDER/MODEL, e.g. openai/gpt-4o");
        }
        return model;
    }

    /** The model a trial of this task asks, or null when the run has none. */
    public ModelClient forTask(Task task) {
        return perTask.apply(task);
    }

    /** What pacing the model did, for the run's summary; empty when the provider never refused a request. */
    public String throttleReport() {
        return throttle == null ? "" : throttle.report();
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
