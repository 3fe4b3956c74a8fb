package dev.gauntlet.harness.cli;

import dev.gauntlet.datasets.DatasetOptions;
import dev.gauntlet.harness.run.ErrorBudget;
import dev.gauntlet.harness.run.EvalRun;
import dev.gauntlet.harness.run.RunDirectory;
import dev.gauntlet.harness.run.ScoringOptions;
import dev.gauntlet.reports.metrics.ErrorPolicy;
import dev.gauntlet.scorers.AnswerScorers;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.trial.KeepSnapshots;
import dev.gauntlet.harness.trial.NetworkPolicy;
import dev.gauntlet.harness.trial.PhaseTimeouts;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.harness.trial.Fleet;
import dev.gauntlet.sandbox.docker.DockerBackend;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentSettings;
import dev.gauntlet.harness.model.ModelQuota;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.model.Prices;
import dev.gauntlet.harness.model.Usage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet run DATASET...}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs every task of the datasets with an agent and writes the records to a run directory.")
final class RunCommand implements Callable<Integer> {

    /** Where the verifier runs ({@code --verifier-sandbox}). */
    enum VerifierSandbox { SAME, FRESH }

    /** Set by bin/gauntlet: the bundled example suite, run when no dataset is named. */
    static final String EXAMPLES_PROPERTY = "gauntlet.examples";

    @Parameters(arity = "0..*", paramLabel = "DATASET",
        description = "A task directory (Harbor or Terminal-Bench 1), a directory of tasks and JSONL sample files, or a JSONL "
            + "sample file. Default: the bundled example suite.")
    List<Path> datasets = new ArrayList<>();

    @Option(names = "--agent", split = ",", paramLabel = "AGENT",
        description = "bash (the model-driven loop; needs --model), command (an installed CLI agent; needs --agent-cmd), "
            + "oracle (runs solution/solve.sh) or nop; repeat or separate with commas to compare several. Default: oracle.")
    List<String> agents = new ArrayList<>();

    @Option(names = "--model", paramLabel = "SPEC",
        description = "For --agent bash: openai/MODEL, anthropic/MODEL, oracle (replays each solution) or scripted:FILE; "
            + "repeat to compare several (each model-driven agent runs with each).")
    List<String> models = new ArrayList<>();

    @Option(names = "--model-base-url", description = "The model API's base URL. Default: $OPENAI_BASE_URL / $ANTHROPIC_BASE_URL, else the public endpoint.")
    String modelBaseUrl;

    @Option(names = "--model-timeout", description = "How long one model request may take (ISO-8601, e.g. PT2M). Default: 5 minutes.")
    Duration modelTimeout;

    @Option(names = "--model-retries", defaultValue = "" + ModelSettings.DEFAULT_MAX_RETRIES,
        description = "Retries of a model request that failed with 429, 5xx, a reset or a timeout. Default: ${DEFAULT-VALUE}.")
    int modelRetries;

    @Option(names = "--model-concurrency", defaultValue = "0",
        description = "Requests in flight to the model at once, over all trials (0: no limit). 429s lower it for a while either way.")
    int modelConcurrency;

    @Option(names = "--model-rpm", defaultValue = "0", description = "Requests per minute to the model (0: no limit).")
    int modelRpm;

    @Option(names = "--model-tpm", defaultValue = "0", description = "Tokens (input and output) per minute to the model (0: no limit).")
    long modelTpm;

    @Option(names = "--prices", description = "A JSON price table ({\"MODEL\": {\"input\": USD_PER_MTOK, \"cached_input\": ..., \"output\": ...}}) on top of the built-in one.")
    Path prices;

    @Option(names = "--text-mode", description = "The bash agent asks for one fenced command per reply instead of tool calls.")
    boolean textMode;

    @Option(names = "--max-steps", defaultValue = "" + AgentLimits.DEFAULT_MAX_STEPS, description = "Model replies per trial. Default: ${DEFAULT-VALUE}.")
    int maxSteps;

    @Option(names = "--max-input-tokens", description = "Input tokens per trial.")
    Long maxInputTokens;

    @Option(names = "--max-output-tokens", description = "Output tokens per trial.")
    Long maxOutputTokens;

    @Option(names = "--max-cost", description = "Dollars per trial (needs a price for the model).")
    Double maxCost;

    @Option(names = "--command-timeout", defaultValue = "PT3M", description = "How long one agent command may run (ISO-8601). Default: 3 minutes.")
    Duration commandTimeout;

    @Option(names = "--agent-cmd", description = "For --agent command: the command line that runs the agent in the sandbox.")
    String agentCommand;

    @Option(names = "--agent-env", paramLabel = "NAME", description = "For --agent command: pass this variable of Gauntlet's environment to the agent (repeatable).")
    List<String> agentEnv = new ArrayList<>();

    @Option(names = "--attempts", defaultValue = "" + RunOptions.DEFAULT_ATTEMPTS, description = "Attempts per task. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(names = "--concurrency", defaultValue = "" + RunOptions.DEFAULT_CONCURRENCY, description = "Trials in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--out", description = "Run directory. Default: runs/<run id>.")
    Path out;

    @Option(names = "--network", defaultValue = "task",
        description = "task: network only where the task asks (default); public: always; none: never.")
    NetworkPolicy network;

    @Option(names = "--keep-snapshots", defaultValue = "none",
        description = "Keep the agent's final filesystem of none, failed or all trials, for `gauntlet shell` and `gauntlet fork`. Default: ${DEFAULT-VALUE}.")
    KeepSnapshots keepSnapshots;

    @Option(names = "--verifier-sandbox", defaultValue = "same",
        description = "same: verify in the agent's sandbox once its processes are stopped (default); fresh: in a new sandbox restored from the agent's final filesystem.")
    VerifierSandbox verifierSandbox;

    @Option(names = "--max-retries", defaultValue = "" + TrialOptions.DEFAULT_MAX_RETRIES,
        description = "Runs again, on a fresh sandbox, a trial that ended in a sandbox or model error. Default: ${DEFAULT-VALUE}.")
    int maxRetries;

    @Option(names = "--fail-on-error", paramLabel = "N|FRACTION", converter = ErrorBudgetConverter.class,
        description = "Fail the run (exit code 3) once more than N trials, or more than FRACTION (below 1) of the planned trials, "
            + "end in an error other than a cancel: no more trials start, running ones finish. Default: errors never fail the run.")
    ErrorBudget failOnError = ErrorBudget.UNLIMITED;

    @Option(names = "--grace-period", description = "After the first Ctrl-C, how long running trials may take to finish before "
        + "they are cancelled (ISO-8601). Default: 30 seconds.")
    Duration gracePeriod = RunOptions.DEFAULT_GRACE_PERIOD;

    @Option(names = "--build-timeout", description = "Replaces every task's environment build timeout (ISO-8601, e.g. PT20M).")
    Duration buildTimeout;

    @Option(names = "--setup-timeout", description = "How long making a task's starting state and getting a sandbox may take (ISO-8601). Default: 10 minutes.")
    Duration setupTimeout;

    @Option(names = "--agent-timeout", description = "Replaces every task's [agent] timeout_sec (ISO-8601).")
    Duration agentTimeout;

    @Option(names = "--verifier-timeout", description = "Replaces every task's [verifier] timeout_sec (ISO-8601).")
    Duration verifierTimeout;

    @Option(names = "--timeout-multiplier", defaultValue = "1", description = "Multiplies every phase's timeout, e.g. 2 on a slow machine. Default: ${DEFAULT-VALUE}.")
    double timeoutMultiplier;

    @Option(names = "--max-sandboxes", description = "Sandboxes alive at once on each engine, running or warm, unless "
        + "--docker-host gives the engine its own capacity. Default: one per 24 MiB of the engine's memory, at most 500 per CPU.")
    int maxSandboxes;

    @Option(names = "--task", paramLabel = "GLOB", description = "Run only tasks whose id matches (* any characters, ? one; repeatable).")
    List<String> taskGlobs = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out tasks whose id matches (repeatable).")
    List<String> excludeGlobs = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "At most N tasks per dataset: the first in id order, or a sample with --sample-seed.")
    Integer limit;

    @Option(names = "--sample-seed", paramLabel = "S", description = "Shuffle each dataset's tasks with this seed before --limit applies.")
    Long sampleSeed;

    @Option(names = "--sample-image", defaultValue = DatasetOptions.DEFAULT_SAMPLE_IMAGE,
        description = "The image every sample of a JSONL file runs in. Default: ${DEFAULT-VALUE}.")
    String sampleImage;

    @Option(names = "--scorer", defaultValue = AnswerScorers.DEFAULT,
        description = "Scores the answers of JSONL samples: exact, includes, regex, numeric[:TOLERANCE], json[:PATH], "
            + "model:MODEL (a judge, e.g. model:openai/gpt-4o) or command:FILE (a script run in the sandbox). Default: ${DEFAULT-VALUE}.")
    String scorer;

    @Option(names = "--rubric", paramLabel = "FILE", description = "For --scorer model:MODEL: the judge's rubric.")
    Path rubric;

    @Option(names = "--errors", defaultValue = "exclude",
        description = "How errored trials count in the metrics: exclude (default) or zero (a failed attempt with reward 0).")
    ErrorPolicy errors;

    @Mixin
    DockerOptions docker;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunOptions options = options();
        List<Fleet.Engine> engines = docker.connectAll(maxSandboxes);
        try {
            return exitCode(new EvalRun(options, engines, System.out).commandLine(spec.commandLine().getParseResult().originalArgs()).execute());
        } finally {
            DockerOptions.closeAll(engines);
        }
    }

    /** Continues the run in {@code dir} with these options (those it was started with, plus any given to resume). */
    int resume(RunDirectory dir) {
        RunOptions options = options();
        List<Fleet.Engine> engines = docker.connectAll(maxSandboxes);
        try {
            return exitCode(new EvalRun(options, engines, System.out).resume(dir));
        } finally {
            DockerOptions.closeAll(engines);
        }
    }

    private static int exitCode(EvalRun.Result result) {
        return switch (result.ending()) {
            case COMPLETED -> 0;
            case INTERRUPTED -> 130;
            case TOO_MANY_ERRORS -> ErrorBudget.EXIT_CODE;
        };
    }

    private RunOptions options() {
        Map<String, String> env = System.getenv();
        Prices priceTable = prices == null ? Prices.builtIn() : Prices.builtIn().withFile(prices);
        for (String model : models) {
            if (maxCost != null && !model.equals("oracle") && !model.startsWith("scripted:")
                && priceTable.cost(modelName(model), Usage.NONE).isEmpty()) {
                throw new IllegalArgumentException("--max-cost needs a price for " + modelName(model) + "; add it with --prices FILE");
            }
        }
        return new RunOptions(datasetsOrExamples(), agents.isEmpty() ? List.of("oracle") : agents, models, attempts, concurrency, out,
            new TrialOptions(network, keepSnapshots, verifierSandbox == VerifierSandbox.FRESH, maxRetries,
                new PhaseTimeouts(buildTimeout, setupTimeout, agentTimeout, verifierTimeout, timeoutMultiplier)),
            maxSandboxes,
            new AgentSettings(priceTable, textMode, agentCommand, agentEnv, env),
            new AgentLimits(maxSteps, maxInputTokens == null ? Long.MAX_VALUE : maxInputTokens,
                maxOutputTokens == null ? Long.MAX_VALUE : maxOutputTokens, maxCost, commandTimeout, AgentLimits.DEFAULT_MAX_TOKENS_PER_REPLY),
            new ModelSettings(modelBaseUrl, modelTimeout, modelRetries, env, new ModelQuota(modelConcurrency, modelRpm, modelTpm)),
            failOnError, gracePeriod,
            new DatasetOptions(sampleImage, taskGlobs, excludeGlobs, limit, sampleSeed), new ScoringOptions(scorer, rubric, errors));
    }

    /** Paths as they were when the run started: its datasets, and files named relative to where it started. */
    void resolvePaths(List<Path> runDatasets, Path workingDir) {
        datasets = new ArrayList<>(runDatasets);
        if (prices != null) {
            prices = workingDir.resolve(prices);
        }
        if (rubric != null) {
            rubric = workingDir.resolve(rubric);
        }
        if (docker.enginesFile != null) {
            docker.enginesFile = workingDir.resolve(docker.enginesFile);
        }
        if (scorer.startsWith("command:")) {
            scorer = "command:" + workingDir.resolve(scorer.substring("command:".length()));
        }
    }

    /** Converts {@code --fail-on-error}. */
    static final class ErrorBudgetConverter implements ITypeConverter<ErrorBudget> {
        @Override
        public ErrorBudget convert(String value) {
            try {
                return ErrorBudget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private static String modelName(String model) {
        return model.contains("/") ? model.substring(model.indexOf('/') + 1) : model;
    }

    private List<Path> datasetsOrExamples() {
        if (!datasets.isEmpty()) {
            return datasets;
        }
        String examples = System.getProperty(EXAMPLES_PROPERTY);
        if (examples == null) {
            throw new IllegalArgumentException("name at least one DATASET (a task directory or a directory of tasks)");
        }
        return List.of(Path.of(examples));
    }
}
