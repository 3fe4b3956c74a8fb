package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.SandboxSetup;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.OnceByKey;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxNetwork;
import dev.gauntlet.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * A task's starting state, made once: a sandbox from the environment image runs the setup every attempt
 * shares (Gauntlet's own, then the task's files and setup script, as a JSONL sample may have), its processes are
 * stopped, and its filesystem is saved as {@code gauntlet-snap:task-<key>}, keyed by the image's id and the setup,
 * so every attempt, agent and model (and later runs) start from the same state.
 */
final class TaskSnapshots {

    /** The setup every trial shares; part of the snapshot key, so changing it makes new snapshots. */
    static final String SETUP = "mkdir -p /logs/agent /logs/verifier";
    private static final Duration TASK_SETUP_TIMEOUT = Duration.ofMinutes(10);

    private final SandboxBackend backend;
    private final OnceByKey<String> made = new OnceByKey<>(false);
    private final Duration setupTimeout;

    TaskSnapshots(SandboxBackend backend, Duration setupTimeout) {
        this.backend = backend;
        this.setupTimeout = setupTimeout;
    }

    /** The snapshot reference for a task whose environment image is {@code image}, made if missing. */
    String snapshot(Task task, String image, String runId) {
        String imageId = backend.imageId(image).orElseThrow(() -> new SandboxException("image " + image + " disappeared"));
        String name = "task-" + key(imageId, task.setup());
        String reference = "gauntlet-snap:" + name;
        return made.get(name, () -> backend.imageId(reference).isPresent() ? reference : make(task, image, name, runId));
    }

    /** Forgets a snapshot that was removed from outside, so the next trial makes it again. */
    void forget(String reference) {
        made.forget(reference.substring(reference.indexOf(':') + 1));
    }

    private String make(Task task, String image, String name, String runId) {
        SandboxSpec spec = new SandboxSpec(image, runId, "snapshot", SandboxNetwork.NONE, SandboxSpec.DEFAULT_CPUS, SandboxSpec.DEFAULT_MEMORY_MB,
            SandboxSpec.DEFAULT_PIDS_LIMIT, Map.of(), task.environment().workdir(), Duration.ofMinutes(30));
        try (Sandbox sandbox = backend.create(spec)) {
            ExecResult setup = sandbox.exec(ExecRequest.of(SETUP, setupTimeout).withUser("0"));
            if (!(setup instanceof ExecResult.Completed done) || done.exitCode() != 0) {
                throw new SandboxException("the shared setup of " + task.id() + " failed: " + setup.output());
            }
            task.setup().files().forEach(sandbox::writeFile);
            if (task.setup().script() != null && !task.setup().script().isBlank()) {
                ExecResult script = sandbox.exec(ExecRequest.of(task.setup().script(), TASK_SETUP_TIMEOUT).withUser("0")
                    .withWorkdir(task.environment().workdir()));
                if (!(script instanceof ExecResult.Completed ran) || ran.exitCode() != 0) {
                    throw new SandboxException("the setup script of " + task.id() + (script instanceof ExecResult.Completed ended
                        ? " exited with " + ended.exitCode() : " ran past " + TASK_SETUP_TIMEOUT.toMinutes() + " minutes") + ": " + script.output());
                }
            }
            sandbox.stopProcesses();
            return sandbox.snapshot(name);
        }
    }

    private static String key(String imageId, SandboxSetup setup) {
        StringBuilder identity = new StringBuilder(imageId).append('\0').append(SETUP);
        if (!setup.isEmpty()) {
            setup.files().forEach((path, content) -> identity.append('\0').append(path).append('\0').append(content));
            identity.append('\0').append(setup.script());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
