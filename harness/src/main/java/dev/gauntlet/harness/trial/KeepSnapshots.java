package dev.gauntlet.harness.trial;

import dev.gauntlet.records.TrialStatus;

/**
 * Which trials keep their agent's final filesystem as {@code gauntlet-snap:trial-<trial id>}
 * ({@code --keep-snapshots}), for {@code gauntlet shell} and {@code gauntlet fork}.
 */
public enum KeepSnapshots {
    NONE, FAILED, ALL;

    boolean keeps(TrialStatus status) {
        return this == ALL || (this == FAILED && status != TrialStatus.PASSED);
    }

    /** The snapshot name a trial's final filesystem is kept under. */
    public static String name(String trialId) {
        return "trial-" + trialId;
    }
}
