package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fixtures/trials-v3.parquet} was written by the schema-version-3 code, before the sandbox host was recorded.
 * Its rows have the version-3 components both present and absent. Never regenerate it.
 */
class TrialRecordV3FixtureTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  /** The fixture's rows, spelled out. */
  private static final List<TrialRecord> V3_ROWS = List.of(
      new TrialRecord("run-1", "t1", "swe-bench", "task-ü-1", "sha256:abc", "bash", "claude-λ", 1,
          TrialStatus.PASSED, null, null, 1.0, Map.of("accuracy", 1.0, "style", 0.5),
          T0, T0.plusMillis(90_000), 100, 80_000, 9_000, 90_000, "ghcr.io/gauntlet/ü:1", "ctr-😀",
          new AgentUsage(12, 150_000, 90_000, 4_000, 0.4321, null, 1), 2, "model:openai/gpt-λ",
          "verdict: correct — the answer names 42", Map.of("difficulty", "easy", "category", "régex"),
          "sha256:f00d"),
      new TrialRecord("run-1", "t2", "swe-bench", "task-2", "sha256:def", "bash", null, 2,
          TrialStatus.ERROR, ErrorKind.AGENT_TIMEOUT, null, null, Map.of(), T0, T0, 0, 0, 0, 0, "python:3.13", null,
          new AgentUsage(30, 10, 0, 5, null, "wall_time", 0), 0, null, null, Map.of(), null),
      new TrialRecord("run-1", "t3", "terminal-bench", "任务-3", "sha256:0", "mini", null, 0,
          TrialStatus.FAILED, null, "tests failed: 3 of 7 — see log", 0.25, Map.of("accuracy", 0.25),
          T0.plusSeconds(1), T0.plusSeconds(2), 1, 2, 3, 1_000, "alpine", "sb-3",
          AgentUsage.NONE, 0, "exit_code", null, Map.of("difficulty", "hard"), "sha256:beef"));

  @TempDir Path dir;

  @Test
  void fixtureIsAVersion3File() throws URISyntaxException, SQLException {
    assertThat(TrialFixtures.statedVersion(fixture())).isEqualTo("3");
  }

  @Test
  void readsEveryValueWithNoSandboxHost() throws IOException, URISyntaxException {
    List<TrialRecord> read = TrialRecordReader.read(fixture());
    assertThat(read).containsExactlyElementsOf(V3_ROWS);
    assertThat(read).extracting(TrialRecord::scorer).containsExactly("model:openai/gpt-λ", null, "exit_code");
    assertThat(read.get(0).scoreExplanation()).isEqualTo("verdict: correct — the answer names 42");
    assertThat(read).extracting(TrialRecord::metadata)
        .containsExactly(Map.of("category", "régex", "difficulty", "easy"), Map.of(), Map.of("difficulty", "hard"));
    assertThat(read).extracting(TrialRecord::datasetFingerprint).containsExactly("sha256:f00d", null, "sha256:beef");
    assertThat(read).extracting(TrialRecord::sandboxHost).containsOnlyNulls();
  }

  @Test
  void readsVersion1To4PartsOfOneRunTogether() throws IOException, URISyntaxException {
    Files.copy(TrialFixtures.path("trials-v1.parquet"), dir.resolve("part-00000-00000000.parquet"));
    Files.copy(TrialFixtures.path("trials-v2.parquet"), dir.resolve("part-00000-00000001.parquet"));
    Files.copy(fixture(), dir.resolve("part-00000-00000002.parquet"));
    TrialRecordWriter.writePart(dir, List.of(TestRecords.passed("t4")));

    List<TrialRecord> all = TrialRecordReader.readAll(dir);

    assertThat(all).hasSize(3 + 2 + 3 + 1);
    assertThat(all.subList(5, 8)).containsExactlyElementsOf(V3_ROWS);
    assertThat(all.subList(0, 8)).extracting(TrialRecord::sandboxHost).containsOnlyNulls();
    assertThat(all.get(8)).isEqualTo(TestRecords.passed("t4"));
    assertThat(all.get(8).sandboxHost()).isEqualTo("unix:///var/run/docker.sock");
  }

  private static Path fixture() throws URISyntaxException {
    return TrialFixtures.path("trials-v3.parquet");
  }
}
