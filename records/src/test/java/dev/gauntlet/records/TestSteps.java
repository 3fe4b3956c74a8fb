package dev.gauntlet.records;

import java.time.Instant;
import java.util.List;

/** Sample step records covering every optional component both present and absent. */
final class TestSteps {

  private TestSteps() {}

  static final Instant T0 = TestRecords.T0;

  /** A command that ran to completion, with unicode in command and output. */
  static StepRecord command(String trialId, int step) {
    return new StepRecord("run-1", trialId, step, T0.plusSeconds(step), 1_200, 340, 2_000, 150,
        "ls -la /tmp/ü", 0, "total 0\n😀 file-λ\n", null);
  }

  /** A format error: the model gave no command, so there is no exit code or output. */
  static StepRecord formatError(String trialId, int step) {
    return new StepRecord("run-1", trialId, step, T0.plusSeconds(step), 900, 0, 2_100, 80,
        null, null, null, "no command found: expected exactly one ```bash block");
  }

  /** A command that timed out: output so far, but no exit code. */
  static StepRecord timedOut(String trialId, int step) {
    return new StepRecord("run-1", trialId, step, T0.plusSeconds(step), 700, 30_000, 2_300, 60,
        "sleep 999 && echo 完成", null, "partial\n", "command timed out after 30 s");
  }

  /** A command whose output is longer than {@link StepRecord#MAX_OUTPUT_CHARS}. */
  static StepRecord longOutput(String trialId, int step) {
    return new StepRecord("run-1", trialId, step, T0.plusSeconds(step), 500, 40, 2_500, 30,
        "yes | head -n 20000", 1, "y😀\n".repeat(10_000) + "end", null);
  }

  static List<StepRecord> all() {
    return List.of(command("t1", 1), formatError("t1", 2), timedOut("t1", 3), longOutput("t2", 1), command("t2", 1).withRetry(2));
  }
}
