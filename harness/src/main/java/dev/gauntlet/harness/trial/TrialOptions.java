package dev.gauntlet.harness.trial;

import java.util.Objects;

/**
 * How each trial runs.
 *
 * @param network       who decides about network access
 * @param keepSnapshots which trials keep their final filesystem
 * @param freshVerifier run the verifier in a new sandbox restored from the agent's final filesystem, so no
 *                      process or kernel state the agent left can touch it
 * @param maxRetries    how often a trial that ended in a {@code sandbox} or {@code model} error is run again on a
 *                      fresh sandbox (failed tests and other errors are results and are not retried)
 * @param timeouts      phase timeouts given on the command line, and the multiplier
 */
public record TrialOptions(NetworkPolicy network, KeepSnapshots keepSnapshots, boolean freshVerifier, int maxRetries,
                           PhaseTimeouts timeouts) {

    public static final int DEFAULT_MAX_RETRIES = 2;

    public TrialOptions {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(keepSnapshots, "keepSnapshots");
        Objects.requireNonNull(timeouts, "timeouts");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("--max-retries must not be negative, got " + maxRetries);
        }
    }

    public static TrialOptions defaults() {
        return new TrialOptions(NetworkPolicy.TASK, KeepSnapshots.NONE, false, DEFAULT_MAX_RETRIES, PhaseTimeouts.none());
    }
}
