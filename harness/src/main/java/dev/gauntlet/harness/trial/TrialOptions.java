package dev.gauntlet.harness.trial;

import java.util.Objects;

/**
 * How each trial runs.
 *
 * @param network       who decides about network access
 * @param keepSnapshots which trials keep their final filesystem
 * @param freshVerifier run the verifier in a new sandbox restored from the agent's final filesystem, so no
 *                      process or kernel state the agent left can touch it
 */
public record TrialOptions(NetworkPolicy network, KeepSnapshots keepSnapshots, boolean freshVerifier) {

    public TrialOptions {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(keepSnapshots, "keepSnapshots");
    }

    public static TrialOptions defaults() {
        return new TrialOptions(NetworkPolicy.TASK, KeepSnapshots.NONE, false);
    }
}
