package dev.gauntlet.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.trial.PhaseTimeouts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The contents of {@code run.json}: what was asked (the options, the command line {@code gauntlet resume} runs
 * again, every task's content hash), how far the run got, and its summary once it ends.
 */
public final class RunJson {

    private RunJson() {
    }

    /** run.json of a run that starts now. */
    static ObjectNode start(String runId, RunOptions options, List<String> commandLine, List<Dataset> datasets) {
        ObjectNode json = RunDirectory.newJson();
        json.put("run_id", runId);
        json.put("status", "running");
        json.put("started_at", Instant.now().toString());
        ArrayNode command = json.putArray("command");
        commandLine.forEach(command::add);
        json.put("working_dir", Path.of("").toAbsolutePath().toString());
        json.put("resumes", 0);
        describe(json, options, datasets);
        return json;
    }

    /** run.json of a run resumed now: what it was asked stays, the options and datasets are the current ones. */
    static ObjectNode resume(ObjectNode json, RunOptions options, List<Dataset> datasets) {
        json.put("status", "running");
        json.put("resumes", json.path("resumes").asInt() + 1);
        json.put("resumed_at", Instant.now().toString());
        json.remove("summary");
        describe(json, options, datasets);
        return json;
    }

    /** The command line recorded when the run started. */
    public static List<String> commandLine(ObjectNode json) {
        List<String> args = new ArrayList<>();
        json.path("command").forEach(a -> args.add(a.asText()));
        return args;
    }

    /** The ids of the trials the run planned when it started (or was last resumed). */
    static Set<String> plannedTrialIds(ObjectNode json) {
        Set<String> ids = new HashSet<>();
        List<Contender> contenders = new ArrayList<>();
        json.path("contenders").forEach(c -> contenders.add(new Contender(c.path("agent").asText(),
            c.path("model").isTextual() ? c.path("model").asText() : null)));
        int attempts = json.path("attempts").asInt(1);
        for (JsonNode dataset : json.path("datasets")) {
            for (Iterator<Map.Entry<String, JsonNode>> tasks = dataset.path("task_hashes").fields(); tasks.hasNext(); ) {
                Map.Entry<String, JsonNode> task = tasks.next();
                for (int attempt = 1; attempt <= attempts; attempt++) {
                    for (Contender c : contenders) {
                        ids.add(RunPlan.trialId(task.getKey(), task.getValue().asText(), c.agent(), c.model(), attempt));
                    }
                }
            }
        }
        return ids;
    }

    private static void describe(ObjectNode json, RunOptions options, List<Dataset> datasets) {
        ArrayNode contenders = json.putArray("contenders");
        for (Contender c : options.contenders()) {
            contenders.addObject().put("agent", c.agent()).put("model", c.model());
        }
        json.put("attempts", options.attempts());
        json.put("concurrency", options.concurrency());
        json.put("network", options.trial().network().name().toLowerCase(Locale.ROOT));
        json.put("keep_snapshots", options.trial().keepSnapshots().name().toLowerCase(Locale.ROOT));
        json.put("fresh_verifier", options.trial().freshVerifier());
        json.put("max_sandboxes", options.maxSandboxes());
        json.put("max_retries", options.trial().maxRetries());
        json.put("fail_on_error", options.failOnError() == ErrorBudget.UNLIMITED ? null : options.failOnError().describe());
        json.put("grace_period_s", options.gracePeriod().toSeconds());
        json.put("text_mode", options.agentSettings().textMode());
        ObjectNode quota = json.putObject("model_quota");
        quota.put("concurrency", options.modelSettings().quota().concurrency());
        quota.put("requests_per_minute", options.modelSettings().quota().requestsPerMinute());
        quota.put("tokens_per_minute", options.modelSettings().quota().tokensPerMinute());
        PhaseTimeouts timeouts = options.trial().timeouts();
        ObjectNode overrides = json.putObject("timeouts");
        overrides.put("multiplier", timeouts.multiplier());
        overrides.put("setup_s", timeouts.setupTimeout().toSeconds());
        putSeconds(overrides, "build_s", timeouts.build());
        putSeconds(overrides, "agent_s", timeouts.agent());
        putSeconds(overrides, "verifier_s", timeouts.verifier());
        ObjectNode limits = json.putObject("limits");
        limits.put("max_steps", options.limits().maxSteps());
        limits.put("max_input_tokens", options.limits().maxInputTokens());
        limits.put("max_output_tokens", options.limits().maxOutputTokens());
        if (options.limits().maxCostUsd() != null) {
            limits.put("max_cost_usd", options.limits().maxCostUsd());
        }
        limits.put("command_timeout_s", options.limits().commandTimeout().toSeconds());
        ObjectNode selection = json.putObject("selection");
        options.datasetOptions().include().forEach(selection.putArray("task")::add);
        options.datasetOptions().exclude().forEach(selection.putArray("exclude")::add);
        if (options.datasetOptions().limit() != null) {
            selection.put("limit", options.datasetOptions().limit());
        }
        if (options.datasetOptions().sampleSeed() != null) {
            selection.put("sample_seed", options.datasetOptions().sampleSeed());
        }
        selection.put("sample_image", options.datasetOptions().sampleImage());
        ObjectNode scoring = json.putObject("scoring");
        scoring.put("answer_scorer", options.scoring().scorer());
        scoring.put("rubric", options.scoring().rubric() == null ? null : options.scoring().rubric().toString());
        scoring.put("errors", options.scoring().errors().wireName());
        ArrayNode sets = json.putArray("datasets");
        for (Dataset d : datasets) {
            ObjectNode set = sets.addObject();
            set.put("name", d.name());
            set.put("path", d.root().toAbsolutePath().toString());
            set.put("tasks", d.tasks().size());
            set.put("loaded", d.loaded());
            set.put("fingerprint", d.fingerprint());
            ObjectNode hashes = set.putObject("task_hashes");
            for (Task task : d.tasks()) {
                hashes.put(task.id(), task.contentHash());
            }
            ArrayNode skipped = set.putArray("skipped");
            d.skipped().forEach(p -> skipped.add(p.toString()));
            ArrayNode problems = set.putArray("problems");
            d.problems().forEach(p -> problems.add(p.toString()));
        }
    }

    private static void putSeconds(ObjectNode json, String field, java.time.Duration value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value.toSeconds());
        }
    }

    /** The directory the run was started in. */
    public static Path workingDir(ObjectNode json) {
        return Path.of(json.path("working_dir").asText(""));
    }

    /** The dataset paths the run used, to load them again on resume. */
    public static List<Path> datasetPaths(ObjectNode json) {
        List<Path> paths = new ArrayList<>();
        json.path("datasets").forEach(d -> paths.add(Path.of(d.path("path").asText())));
        return paths;
    }

    /** The engines the run used (address and capacity) and what happened to them (down, back), with times. */
    static void engines(ObjectNode json, List<dev.gauntlet.harness.trial.Fleet.Engine> engines, List<String> events) {
        var list = json.putArray("engines");
        engines.forEach(e -> list.addObject().put("host", e.backend().host()).put("capacity", e.capacity()));
        var happened = json.putArray("engine_events");
        List.copyOf(events).forEach(happened::add);
    }
}
