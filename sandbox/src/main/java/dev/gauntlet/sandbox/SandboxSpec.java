package dev.gauntlet.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to make one sandbox. Defaults are safe: no network, limits on memory, CPU and processes.
 *
 * @param image       the image reference
 * @param runId       the run it belongs to (a label)
 * @param trialId     the trial it belongs to (a label)
 * @param network     whether it reaches the network, now or later
 * @param cpus        CPU limit
 * @param memoryMb    memory limit in MiB (swap included)
 * @param pidsLimit   maximum number of processes
 * @param env         environment variables of every process in it
 * @param workdir     working directory, or null for the image's own
 * @param maxLifetime after this the sandbox stops on its own, even if its owner has crashed
 */
public record SandboxSpec(String image, String runId, String trialId, SandboxNetwork network, double cpus, long memoryMb,
                          int pidsLimit, Map<String, String> env, String workdir, Duration maxLifetime) {

    public static final double DEFAULT_CPUS = 1;
    public static final long DEFAULT_MEMORY_MB = 2048;
    public static final int DEFAULT_PIDS_LIMIT = 1024;

    public SandboxSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(network, "network");
        if (cpus <= 0 || memoryMb <= 0 || pidsLimit <= 0) {
            throw new IllegalArgumentException("cpus, memoryMb and pidsLimit must be positive");
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(maxLifetime, "maxLifetime");
    }
}
