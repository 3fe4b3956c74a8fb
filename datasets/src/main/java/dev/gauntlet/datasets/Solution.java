package dev.gauntlet.datasets;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.TreeMap;

/** A task's reference solution, which the oracle agent runs. */
public sealed interface Solution {

    /**
     * Files placed under {@code /solution} (keyed by their path there), then {@code bash /solution/solve.sh} runs.
     *
     * @param files relative paths under {@code /solution} to host files; holds {@code solve.sh}
     */
    record Script(java.util.Map<String, Path> files) implements Solution {
        public Script {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
            if (!files.containsKey("solve.sh")) {
                throw new IllegalArgumentException("a solution script needs solve.sh, got " + files.keySet());
            }
        }
    }

    /** The right answer, which the oracle writes to {@link Verification#ANSWER_FILE}. */
    record Answer(String text) implements Solution {
        public Answer {
            Objects.requireNonNull(text, "text");
        }
    }

    /** No reference solution; the reason says what is missing. */
    record None(String reason) implements Solution {
        public None {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
