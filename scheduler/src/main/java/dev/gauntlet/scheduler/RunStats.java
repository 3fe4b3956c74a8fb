package dev.gauntlet.scheduler;

import java.time.Duration;

/**
 * What the scheduler did.
 *
 * @param planned   trials given to it
 * @param finished  trials that produced a result
 * @param notStarted trials never started because the run was stopped
 * @param wallTime  from the first start to the last result
 */
public record RunStats(int planned, int finished, int notStarted, Duration wallTime) {
}
