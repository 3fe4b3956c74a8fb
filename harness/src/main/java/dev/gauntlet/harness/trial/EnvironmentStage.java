package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.TaskEnvironment;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.ImageSpec;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxSpec;
import java.time.Duration;

/** Stage 1: the task's image (built once per content hash) and a fresh sandbox from it. */
final class EnvironmentStage {

    /** Margin on top of the phase timeouts before an orphaned sandbox stops on its own. */
    private static final Duration LIFETIME_MARGIN = Duration.ofMinutes(10);

    private final SandboxBackend backend;
    private final NetworkPolicy network;

    EnvironmentStage(SandboxBackend backend, NetworkPolicy network) {
        this.backend = backend;
        this.network = network;
    }

    String image(Task task) {
        TaskEnvironment env = task.environment();
        ImageSpec spec = env.dockerImage() != null
            ? new ImageSpec(env.dockerImage(), null, null, task.id(), env.buildTimeout())
            : ImageSpec.build(env.buildContext(), env.buildContextHash(), task.id(), env.buildTimeout());
        return backend.ensureImage(spec);
    }

    Sandbox open(TrialSpec trial, String image) {
        Task task = trial.task();
        TaskEnvironment env = task.environment();
        Duration lifetime = task.agent().timeout().plus(task.verifier().timeout()).plus(LIFETIME_MARGIN);
        SandboxSpec spec = new SandboxSpec(image, trial.runId(), trial.trialId(), network.agentNetwork(task),
            env.cpus() > 0 ? env.cpus() : SandboxSpec.DEFAULT_CPUS,
            env.memoryMb() > 0 ? env.memoryMb() : SandboxSpec.DEFAULT_MEMORY_MB,
            SandboxSpec.DEFAULT_PIDS_LIMIT, env.env(), env.workdir(), lifetime);
        Sandbox sandbox = backend.create(spec);
        ExecResult made = sandbox.exec(ExecRequest.of("mkdir -p /logs/agent /logs/verifier", Duration.ofSeconds(30)).withUser("0"));
        if (!(made instanceof ExecResult.Completed done) || done.exitCode() != 0) {
            sandbox.close();
            throw new SandboxException("cannot create /logs in sandbox " + sandbox + ": " + made.output());
        }
        return sandbox;
    }
}
