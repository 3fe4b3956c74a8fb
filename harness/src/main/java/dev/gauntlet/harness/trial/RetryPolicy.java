package dev.gauntlet.harness.trial;

import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a trial runs again: after an infrastructure ({@code sandbox}) or {@code model} error, never after a
 * result (passed, failed) or any other error; at most {@code maxRetries} times; after 1 s, 2 s, 4 s... (capped at
 * 30 s) with full jitter, so retries of many trials do not arrive together.
 */
final class RetryPolicy {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(30);

    private final int maxRetries;

    RetryPolicy(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    boolean shouldRetry(TrialRecord record, int retriesSoFar) {
        return retriesSoFar < maxRetries && record.status() == TrialStatus.ERROR
            && (record.errorKind() == ErrorKind.SANDBOX || record.errorKind() == ErrorKind.MODEL);
    }

    /** The longest wait before retry {@code n} (1-based); the actual wait is uniform in [0, it]. */
    static Duration ceiling(int n) {
        long millis = BASE.toMillis() << Math.min(n - 1, 20);
        return Duration.ofMillis(Math.min(millis, CAP.toMillis()));
    }

    /** Waits before retry {@code n}; false when interrupted (the run is being cancelled). */
    boolean sleepBefore(int n) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling(n).toMillis() + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
