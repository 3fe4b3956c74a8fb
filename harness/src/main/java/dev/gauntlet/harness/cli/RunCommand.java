package dev.gauntlet.harness.cli;

import dev.gauntlet.harness.run.EvalRun;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.trial.KeepSnapshots;
import dev.gauntlet.harness.trial.NetworkPolicy;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.sandbox.LiveSandboxes;
import dev.gauntlet.sandbox.docker.DockerBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet run DATASET...}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs every task of the datasets with an agent and writes the records to a run directory.")
final class RunCommand implements Callable<Integer> {

    /** Set by bin/gauntlet: the bundled example suite, run when no dataset is named. */
    static final String EXAMPLES_PROPERTY = "gauntlet.examples";

    @Parameters(arity = "0..*", paramLabel = "DATASET",
        description = "A task directory, or a directory of tasks. Default: the bundled example suite.")
    List<Path> datasets = new ArrayList<>();

    @Option(names = "--agent", defaultValue = "oracle", description = "Agent: oracle (runs solution/solve.sh) or nop. Default: ${DEFAULT-VALUE}.")
    String agent;

    @Option(names = "--model", description = "Model spec, recorded with each trial (e.g. openai/gpt-4o).")
    String model;

    @Option(names = "--attempts", defaultValue = "" + RunOptions.DEFAULT_ATTEMPTS, description = "Attempts per task. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(names = "--concurrency", defaultValue = "" + RunOptions.DEFAULT_CONCURRENCY, description = "Trials in flight at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--out", description = "Run directory. Default: runs/<run id>.")
    Path out;

    @Option(names = "--network", defaultValue = "task",
        description = "task: network only where the task asks (default); public: always; none: never.")
    String network;

    @Option(names = "--keep-snapshots", defaultValue = "none",
        description = "Keep the agent's final filesystem of none, failed or all trials, for `gauntlet shell` and `gauntlet fork`. Default: ${DEFAULT-VALUE}.")
    String keepSnapshots;

    @Option(names = "--verifier-sandbox", defaultValue = "same",
        description = "same: verify in the agent's sandbox once its processes are stopped (default); fresh: in a new sandbox restored from the agent's final filesystem.")
    String verifierSandbox;

    @Option(names = "--max-sandboxes", description = "Sandboxes alive at once, running or warm. Default: one per 24 MiB of memory (${DEFAULT-VALUE}).")
    int maxSandboxes = LiveSandboxes.defaultMax();

    @Option(names = "--docker-host", description = "Docker engine, e.g. unix:///var/run/docker.sock. Default: $DOCKER_HOST or the local socket.")
    String dockerHost;

    @Override
    public Integer call() {
        RunOptions options = new RunOptions(datasetsOrExamples(), agent, model, attempts, concurrency, out, new TrialOptions(networkPolicy(), keep(), freshVerifier()), dockerHost, maxSandboxes);
        try (DockerBackend backend = DockerBackend.connect(dockerHost)) {
            EvalRun.Result result = new EvalRun(options, backend, System.out).execute();
            return result.interrupted() ? 130 : 0;
        }
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

    private KeepSnapshots keep() {
        return switch (keepSnapshots) {
            case "none" -> KeepSnapshots.NONE;
            case "failed" -> KeepSnapshots.FAILED;
            case "all" -> KeepSnapshots.ALL;
            default -> throw new IllegalArgumentException("--keep-snapshots '" + keepSnapshots + "' is not allowed; use none, failed or all");
        };
    }

    private boolean freshVerifier() {
        return switch (verifierSandbox) {
            case "same" -> false;
            case "fresh" -> true;
            default -> throw new IllegalArgumentException("--verifier-sandbox '" + verifierSandbox + "' is not allowed; use same or fresh");
        };
    }

    private NetworkPolicy networkPolicy() {
        return switch (network) {
            case "task" -> NetworkPolicy.TASK;
            case "public" -> NetworkPolicy.PUBLIC;
            case "none" -> NetworkPolicy.NONE;
            default -> throw new IllegalArgumentException("--network '" + network + "' is not allowed; use task, public or none");
        };
    }
}
