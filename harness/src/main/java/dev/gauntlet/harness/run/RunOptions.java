package dev.gauntlet.harness.run;

import dev.gauntlet.datasets.DatasetOptions;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentSettings;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.trial.TrialOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run is asked to do.
 *
 * @param datasets    dataset paths (a task directory or a directory of tasks each)
 * @param agents      the agents' names; each one runs every task
 * @param models      the model specs (each model-driven agent runs with each of them), or empty
 * @param attempts    attempts per task
 * @param concurrency trials in flight at once
 * @param out         the run directory, or null for {@code runs/<run id>}
 * @param trial       how each trial runs (network, snapshots kept, where the verifier runs)
 * @param maxSandboxes sandboxes alive at once on each engine, running or warm in a pool; 0 for the engine's own capacity
 * @param agentSettings how the agents are configured
 * @param limits      limits of a model-driven agent
 * @param modelSettings where HTTP models are and how they are retried
 * @param failOnError errors allowed before the run fails
 * @param gracePeriod how long running trials may take to finish after the first Ctrl-C
 * @param datasetOptions which tasks of the datasets run, and the image of JSONL samples
 * @param scoring     how answer-style samples are scored and errored trials counted
 */
public record RunOptions(List<Path> datasets, List<String> agents, List<String> models, int attempts, int concurrency, Path out,
                         TrialOptions trial, int maxSandboxes, AgentSettings agentSettings,
                         AgentLimits limits, ModelSettings modelSettings, ErrorBudget failOnError, Duration gracePeriod,
                         DatasetOptions datasetOptions, ScoringOptions scoring) {

    /** Every task, scored by the defaults of {@link ScoringOptions}. */
    public RunOptions(List<Path> datasets, List<String> agents, List<String> models, int attempts, int concurrency, Path out,
                      TrialOptions trial, int maxSandboxes, AgentSettings agentSettings,
                      AgentLimits limits, ModelSettings modelSettings, ErrorBudget failOnError, Duration gracePeriod) {
        this(datasets, agents, models, attempts, concurrency, out, trial, maxSandboxes, agentSettings, limits,
            modelSettings, failOnError, gracePeriod, DatasetOptions.defaults(), ScoringOptions.defaults());
    }

    public static final int DEFAULT_ATTEMPTS = 1;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

    /** Every agent with every model it uses. */
    public List<Contender> contenders() {
        return Contender.of(agents, models);
    }

    public RunOptions {
        datasets = List.copyOf(datasets);
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("name at least one dataset");
        }
        agents = List.copyOf(agents);
        models = List.copyOf(models);
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("name at least one --agent");
        }
        Contender.of(agents, models); // refuses a model-driven agent without a model, or a name given twice, before anything runs
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(agentSettings, "agentSettings");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(modelSettings, "modelSettings");
        Objects.requireNonNull(failOnError, "failOnError");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("--grace-period must not be negative, got " + gracePeriod);
        }
        Objects.requireNonNull(datasetOptions, "datasetOptions");
        Objects.requireNonNull(scoring, "scoring");
        if (attempts < 1) {
            throw new IllegalArgumentException("--attempts must be at least 1, got " + attempts);
        }
        if (maxSandboxes != 0 && maxSandboxes < concurrency) {
            throw new IllegalArgumentException("--max-sandboxes (" + maxSandboxes + ") must be at least --concurrency (" + concurrency + ")");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + concurrency);
        }
    }
}
