package dev.gauntlet.datasets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a task runs ({@code [environment]} and the {@code environment/} directory).
 *
 * @param dockerImage  an image to run as is, or null when the task ships a Dockerfile
 * @param buildContext the directory holding {@code Dockerfile}, or null when {@link #dockerImage} is set
 * @param buildContextHash SHA-256 (hex) of the build context, or null without one; images are tagged by it
 * @param cpus         CPU limit (0 = the harness default)
 * @param memoryMb     memory limit in MiB (0 = the harness default)
 * @param storageMb    disk limit in MiB (0 = none); recorded, not yet enforced
 * @param env          environment variables of every process in the sandbox
 * @param workdir      the working directory, or null for the image's own
 * @param networkMode  what the task asks for, or null when it does not say
 * @param allowedHosts hosts for {@link NetworkMode#ALLOWLIST}
 * @param buildTimeout how long building the image may take
 */
public record TaskEnvironment(String dockerImage, Path buildContext, String buildContextHash, double cpus,
                              long memoryMb, long storageMb, Map<String, String> env, String workdir,
                              NetworkMode networkMode, List<String> allowedHosts, Duration buildTimeout) {

    public TaskEnvironment {
        if ((dockerImage == null) == (buildContext == null)) {
            throw new IllegalArgumentException("exactly one of dockerImage and buildContext must be set");
        }
        if (buildContext != null) {
            Objects.requireNonNull(buildContextHash, "buildContextHash");
        }
        env = Map.copyOf(env);
        allowedHosts = List.copyOf(allowedHosts);
        Objects.requireNonNull(buildTimeout, "buildTimeout");
    }

    /** The same environment with another build timeout. */
    public TaskEnvironment withBuildTimeout(Duration timeout) {
        return new TaskEnvironment(dockerImage, buildContext, buildContextHash, cpus, memoryMb, storageMb, env, workdir,
            networkMode, allowedHosts, timeout);
    }
}
