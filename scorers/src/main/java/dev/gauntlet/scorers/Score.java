package dev.gauntlet.scorers;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A trial's score: a value, or unscored with the reason. */
public sealed interface Score {

    /**
     * A scored trial.
     *
     * @param reward  the primary reward; a trial passes when it is at least 1
     * @param rewards every named reward (for {@code reward.txt}, just {@code reward})
     */
    record Value(double reward, Map<String, Double> rewards) implements Score {
        public Value {
            if (!Double.isFinite(reward)) {
                throw new IllegalArgumentException("reward must be a finite number, got " + reward);
            }
            rewards = java.util.Collections.unmodifiableMap(new TreeMap<>(rewards));
        }

        public boolean passed() {
            return reward >= 1.0;
        }
    }

    /** No score could be given; the reason says why (a verifier error). */
    record Unscored(String reason) implements Score {
        public Unscored {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
