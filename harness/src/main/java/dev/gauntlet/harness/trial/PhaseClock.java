package dev.gauntlet.harness.trial;

import java.util.EnumMap;
import java.util.Map;

/** Milliseconds spent in each phase of one trial; a phase not reached stays at 0. */
final class PhaseClock {

    enum Phase { SETUP, AGENT, VERIFIER }

    private final Map<Phase, Long> millis = new EnumMap<>(Phase.class);
    private final long start = System.nanoTime();
    private Phase current;
    private long phaseStart;

    void enter(Phase phase) {
        stop();
        current = phase;
        phaseStart = System.nanoTime();
    }

    void stop() {
        if (current != null) {
            millis.merge(current, (System.nanoTime() - phaseStart) / 1_000_000, Long::sum);
            current = null;
        }
    }

    Phase current() {
        return current;
    }

    long millis(Phase phase) {
        return millis.getOrDefault(phase, 0L);
    }

    long totalMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
