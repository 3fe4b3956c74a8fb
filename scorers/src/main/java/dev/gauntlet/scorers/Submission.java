package dev.gauntlet.scorers;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.sandbox.Sandbox;
import java.util.List;
import java.util.Objects;

/**
 * What a scorer sees of a trial once its agent finished: the task, the sandbox as the agent left it, the verifier
 * script's exit code if one ran, and the agent's answer if the task asks for one.
 *
 * @param task             the task
 * @param sandbox          the sandbox, its agent processes stopped
 * @param verifierExitCode the exit code of the task's verifier script, or {@code null} when none ran
 * @param answer           the content of {@link dev.gauntlet.datasets.Verification#ANSWER_FILE}, or {@code null}
 *                         when the agent wrote none (or the task asks for none)
 */
public record Submission(Task task, Sandbox sandbox, Integer verifierExitCode, String answer) {

    public Submission {
        Objects.requireNonNull(task, "task");
    }

    /** The sample's targets; empty for tasks that are not answer-style. */
    public List<String> targets() {
        return task.verification() instanceof dev.gauntlet.datasets.Verification.Answer a ? a.targets() : List.of();
    }

    /** The sample's question, else the task's instruction. */
    public String input() {
        return task.verification() instanceof dev.gauntlet.datasets.Verification.Answer a ? a.input() : task.instruction();
    }
}
