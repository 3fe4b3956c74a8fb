package dev.gauntlet.harness;

import dev.gauntlet.harness.run.EvalRun;
import dev.gauntlet.harness.run.ErrorBudget;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentSettings;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.model.Prices;
import dev.gauntlet.harness.trial.TrialOptions;
import java.util.Map;
import dev.gauntlet.sandbox.docker.DockerBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs an evaluation in-process against the real Docker engine and keeps what it printed. */
public final class Runs {

    public record Finished(EvalRun.Result result, String output) {
    }

    private Runs() {
    }

    public static Finished run(Path dataset, String agent, int attempts, Path out) {
        return run(dataset, agent, attempts, out, TrialOptions.defaults());
    }

    public static Finished run(Path dataset, String agent, int attempts, Path out, TrialOptions trial) {
        return run(dataset, agent, null, attempts, out, trial, AgentLimits.defaults(), Map.of());
    }

    /** A run whose model settings come from {@code env} alone (so a test decides the base URL and key). */
    public static Finished run(Path dataset, String agent, String model, int attempts, Path out, TrialOptions trial,
                               AgentLimits limits, Map<String, String> env) {
        return run(new RunOptions(List.of(dataset), List.of(agent), model == null ? List.of() : List.of(model), attempts, 4, out, trial, 64,
            new AgentSettings(Prices.builtIn(), false, null, List.of(), env), limits,
            new ModelSettings(null, java.time.Duration.ofSeconds(5), 4, env), ErrorBudget.UNLIMITED, RunOptions.DEFAULT_GRACE_PERIOD));
    }

    /** One attempt of an agent with these settings and no model. */
    public static Finished run(Path dataset, String agent, AgentSettings settings, Path out) {
        return run(new RunOptions(List.of(dataset), List.of(agent), List.of(), 1, 4, out, TrialOptions.defaults(), 64, settings,
            AgentLimits.defaults(), new ModelSettings(null, null, 0, Map.of()), ErrorBudget.UNLIMITED, RunOptions.DEFAULT_GRACE_PERIOD));
    }

    public static Finished run(RunOptions options) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (DockerBackend backend = DockerBackend.connect(dev.gauntlet.sandbox.docker.DockerHost.fromEnvironment());
             PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            EvalRun.Result result = new EvalRun(options, backend, stream).execute();
            return new Finished(result, printed.toString(StandardCharsets.UTF_8));
        }
    }
}
