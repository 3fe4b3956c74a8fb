package dev.gauntlet.records;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample records covering every optional component both present and absent. */
final class TestRecords {

  private TestRecords() {}

  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  /** A passed trial with every optional component set and unicode strings. */
  static TrialRecord passed(String trialId) {
    return new TrialRecord("run-1", trialId, "swe-bench", "task-ü-1", "sha256:abc", "bash",
        "claude-λ", 1, TrialStatus.PASSED, null, null, 1.0,
        Map.of("accuracy", 1.0, "style", 0.5), T0, T0.plusMillis(90_000),
        100, 80_000, 9_000, 90_000, "ghcr.io/gauntlet/ü:1", "ctr-😀",
        new AgentUsage(12, 150_000, 90_000, 4_000, 0.4321, null, 1), 2, "model:openai/gpt-λ",
        "verdict: correct — the answer names 42", Map.of("difficulty", "easy", "category", "régex"), "sha256:f00d",
        "unix:///var/run/docker.sock");
  }

  /** An errored trial with every optional component absent but a limit hit, and no rewards. */
  static TrialRecord errored(String trialId) {
    return new TrialRecord("run-1", trialId, "swe-bench", "task-2", "sha256:def", "bash",
        null, 2, TrialStatus.ERROR, ErrorKind.AGENT_TIMEOUT, null, null,
        Map.of(), T0, T0, 0, 0, 0, 0, "python:3.13", null,
        new AgentUsage(30, 10, 0, 5, null, "wall_time", 0), 0);
  }

  /** A failed trial with an error message but no model. */
  static TrialRecord failed(String trialId) {
    return new TrialRecord("run-1", trialId, "terminal-bench", "任务-3", "sha256:0", "mini",
        null, 0, TrialStatus.FAILED, null, "tests failed: 3 of 7 — see log", 0.25,
        Map.of("accuracy", 0.25), T0.plusSeconds(1), T0.plusSeconds(2), 1, 2, 3, 1_000, "alpine", "sb-3",
        AgentUsage.NONE, 0, "exit_code", null, Map.of("difficulty", "hard"), "sha256:beef", "tcp://10.0.0.5:2376");
  }

  static List<TrialRecord> all() {
    return List.of(passed("t1"), errored("t2"), failed("t3"), passed("t4"));
  }
}
