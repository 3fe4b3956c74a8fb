package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import java.time.Duration;

/**
 * Phase timeouts from the command line: each one given replaces the task's own, and every timeout (the task's
 * or the override) is then multiplied by {@code multiplier}, e.g. 2 on a slow machine.
 *
 * @param build      building the environment image, or null for the task's {@code build_timeout_sec}
 * @param setup      making the task's starting state and getting a sandbox once the image exists, or null for
 *                   {@link #DEFAULT_SETUP}
 * @param agent      the agent phase, or null for the task's {@code [agent] timeout_sec}
 * @param verifier   the verifier phase, or null for the task's {@code [verifier] timeout_sec}
 * @param multiplier applied to every phase's timeout
 */
public record PhaseTimeouts(Duration build, Duration setup, Duration agent, Duration verifier, double multiplier) {

    public static final Duration DEFAULT_SETUP = Duration.ofMinutes(10);

    public PhaseTimeouts {
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("--timeout-multiplier must be a positive number, got " + multiplier);
        }
        positive("--build-timeout", build);
        positive("--setup-timeout", setup);
        positive("--agent-timeout", agent);
        positive("--verifier-timeout", verifier);
    }

    public static PhaseTimeouts none() {
        return new PhaseTimeouts(null, null, null, null, 1.0);
    }

    /** The task with its timeouts overridden and multiplied. */
    public Task apply(Task task) {
        return task.withPhases(
            task.environment().withBuildTimeout(scaled(build, task.environment().buildTimeout())),
            task.agent().withTimeout(scaled(agent, task.agent().timeout())),
            task.verifier().withTimeout(scaled(verifier, task.verifier().timeout())));
    }

    /** How long making a task's starting state, and then getting a sandbox, may take. */
    public Duration setupTimeout() {
        return scaled(setup, DEFAULT_SETUP);
    }

    private Duration scaled(Duration override, Duration fromTask) {
        Duration base = override != null ? override : fromTask;
        return multiplier == 1.0 ? base : Duration.ofMillis(Math.round(base.toMillis() * multiplier));
    }

    private static void positive(String option, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }
}
