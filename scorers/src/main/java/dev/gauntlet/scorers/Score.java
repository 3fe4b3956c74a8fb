package dev.gauntlet.scorers;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A trial's score: a value, or unscored with the reason. */
public sealed interface Score {

    /**
     * A scored trial.
     *
     * @param reward      the primary reward; a trial passes when it is at least 1
     * @param rewards     every named reward (for {@code reward.txt} and single-figure scorers, just {@code reward})
     * @param explanation why the scorer gave this reward (a mismatch, a judge's verdict), or {@code null}
     */
    record Value(double reward, Map<String, Double> rewards, String explanation) implements Score {
        public Value {
            if (!Double.isFinite(reward)) {
                throw new IllegalArgumentException("reward must be a finite number, got " + reward);
            }
            rewards = Collections.unmodifiableMap(new TreeMap<>(rewards));
        }

        public Value(double reward, Map<String, Double> rewards) {
            this(reward, rewards, null);
        }

        /** A single reward, named {@code reward}, with its explanation. */
        public static Value of(double reward, String explanation) {
            return new Value(reward, Map.of("reward", reward), explanation);
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
