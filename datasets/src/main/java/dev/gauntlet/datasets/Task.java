package dev.gauntlet.datasets;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One task as loaded from disk: what the agent is told, where it runs, how it is verified.
 *
 * @param id          the task's name ({@code [task] name}, else its directory name)
 * @param dir         the task directory (for a sample, the directory of its sample file)
 * @param instruction the contents of {@code instruction.md}
 * @param contentHash SHA-256 (hex) of every file of the task directory; changes when anything changes
 * @param environment where the task runs
 * @param agent       the agent phase's settings
 * @param verifier    the verifier phase's settings
 * @param solutionEnv environment variables for the reference solution ({@code [solution] env})
 * @param metadata    free-form fields ({@code [metadata]} and any field Gauntlet does not know), as JSON text
 * @param verification how the result is decided: a verifier script, or an answer compared with targets
 * @param solution    the reference solution the oracle runs
 * @param setup       files and a script put into the sandbox before any attempt, once per task
 */
public record Task(String id, Path dir, String instruction, String contentHash, TaskEnvironment environment,
                   PhaseConfig agent, PhaseConfig verifier, Map<String, String> solutionEnv,
                   Map<String, String> metadata, Verification verification, Solution solution, SandboxSetup setup) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(verifier, "verifier");
        solutionEnv = Map.copyOf(solutionEnv);
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(setup, "setup");
    }

    /** The same task with other environment, agent and verifier settings (e.g. timeouts overridden on the command line). */
    public Task withPhases(TaskEnvironment newEnvironment, PhaseConfig newAgent, PhaseConfig newVerifier) {
        return new Task(id, dir, instruction, contentHash, newEnvironment, newAgent, newVerifier, solutionEnv, metadata,
            verification, solution, setup);
    }
}
