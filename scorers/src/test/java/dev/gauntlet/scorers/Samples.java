package dev.gauntlet.scorers;

import dev.gauntlet.datasets.PhaseConfig;
import dev.gauntlet.datasets.SandboxSetup;
import dev.gauntlet.datasets.Solution;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.TaskEnvironment;
import dev.gauntlet.datasets.Verification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Answer-style tasks and submissions for scorer tests. */
final class Samples {

    private Samples() {
    }

    static Task task(String input, String... targets) {
        PhaseConfig phase = new PhaseConfig(PhaseConfig.DEFAULT_TIMEOUT, Map.of(), null, null);
        return new Task("s", Path.of("."), input, "hash", new TaskEnvironment("debian:bookworm-slim", null, null, 0, 0, 0,
            Map.of(), "/app", null, List.of(), PhaseConfig.DEFAULT_TIMEOUT), phase, phase, Map.of(), Map.of(),
            new Verification.Answer(input, List.of(targets)), new Solution.None("test"), SandboxSetup.NONE);
    }

    /** Scores {@code answer} against {@code targets}. */
    static Score score(Scorer scorer, String answer, String... targets) {
        return scorer.score(new Submission(task("question?", targets), null, null, answer));
    }

    static double reward(Scorer scorer, String answer, String... targets) {
        return ((Score.Value) score(scorer, answer, targets)).reward();
    }

    static String explanation(Scorer scorer, String answer, String... targets) {
        return ((Score.Value) score(scorer, answer, targets)).explanation();
    }
}
