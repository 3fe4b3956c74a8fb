package dev.gauntlet.datasets;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one phase of a trial (agent or verifier).
 *
 * @param timeout how long the phase may run
 * @param env     extra environment variables for the phase
 * @param user    the user the phase runs as, or null for the image's default
 * @param network whether the phase may reach the network, or null when the task does not say
 */
public record PhaseConfig(Duration timeout, Map<String, String> env, String user, Boolean network) {

    /** Harbor's default for both phases. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    public PhaseConfig {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        env = Map.copyOf(env);
    }

    /** The same settings with another timeout. */
    public PhaseConfig withTimeout(Duration newTimeout) {
        return new PhaseConfig(newTimeout, env, user, network);
    }

}
