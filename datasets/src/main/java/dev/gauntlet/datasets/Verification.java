package dev.gauntlet.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** How a task's result is decided. */
public sealed interface Verification {

    /** Where the agent of an answer-style task writes its answer. */
    String ANSWER_FILE = "/logs/agent/answer.txt";

    /**
     * A verifier script: {@code testsDir} is copied to {@code /tests} after the agent finished, {@code script} to
     * {@code /tests/<its file name>} when it lives elsewhere, and {@code bash} runs it.
     *
     * @param testsDir the directory copied to {@code /tests}, or {@code null} when the task has none
     * @param script   the script to run
     * @param reward   where the reward comes from
     */
    record TestScript(Path testsDir, Path script, RewardSource reward) implements Verification {
        public TestScript {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(reward, "reward");
        }

        /** Where the script is in the sandbox. */
        public String sandboxPath() {
            if (testsDir != null && script.startsWith(testsDir)) {
                return "/tests/" + testsDir.relativize(script).toString().replace('\\', '/');
            }
            return "/tests/" + script.getFileName();
        }
    }

    /** Where a verifier script's reward comes from. */
    enum RewardSource {
        /** Harbor: {@code /logs/verifier/reward.json} or {@code reward.txt}. */
        REWARD_FILE,
        /** Terminal-Bench 1: exit code 0 is reward 1, any other 0. */
        EXIT_CODE
    }

    /**
     * An answer-style sample: the agent writes its answer to {@link #ANSWER_FILE}, and the run's answer scorer
     * compares it with the targets.
     *
     * @param input   the question as given (chat messages flattened to text)
     * @param targets what a right answer is; a scorer passes an answer that matches any of them
     */
    record Answer(String input, List<String> targets) implements Verification {
        public Answer {
            Objects.requireNonNull(input, "input");
            targets = List.copyOf(targets);
        }
    }
}
