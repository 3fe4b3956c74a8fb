package dev.gauntlet.harness;

import dev.gauntlet.harness.run.EvalRun;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.trial.TrialOptions;
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
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RunOptions options = new RunOptions(List.of(dataset), agent, null, attempts, 4, out, trial, null, 64);
        try (DockerBackend backend = DockerBackend.connect(null);
             PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            EvalRun.Result result = new EvalRun(options, backend, stream).execute();
            return new Finished(result, printed.toString(StandardCharsets.UTF_8));
        }
    }
}
