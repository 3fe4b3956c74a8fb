package dev.gauntlet.sandbox;

import java.time.Duration;

/** How a command ended: it completed with an exit code, or ran past its timeout. */
public sealed interface ExecResult {

    /** Standard output and error as they arrived, head and tail kept when long. */
    String output();

    Duration elapsed();

    /** The command exited; a non-zero code is an observation, not an error. */
    record Completed(int exitCode, String output, Duration elapsed) implements ExecResult {
    }

    /** The command was still running at its timeout and was abandoned. */
    record TimedOut(String output, Duration elapsed) implements ExecResult {
    }
}
