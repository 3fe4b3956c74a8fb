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
 * {@code fixtures/trials-v1.parquet} was written by the schema-version-1 code, before {@link AgentUsage} existed.
 * Never regenerate it: it stands for the files users already have.
 */
class TrialRecordV1FixtureTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  /** The fixture's rows, spelled out rather than taken from {@link TestRecords}, which may change. */
  private static final List<TrialRecord> V1_ROWS = List.of(
      new TrialRecord("run-1", "t1", "swe-bench", "task-ü-1", "sha256:abc", "bash", "claude-λ", 1,
          TrialStatus.PASSED, null, null, 1.0, Map.of("accuracy", 1.0, "style", 0.5),
          T0, Instant.parse("2026-01-02T03:05:35.678Z"), 100, 80_000, 9_000, 90_000,
          "ghcr.io/gauntlet/ü:1", "ctr-😀", AgentUsage.NONE, 0),
      new TrialRecord("run-1", "t2", "swe-bench", "task-2", "sha256:def", "bash", null, 2,
          TrialStatus.ERROR, ErrorKind.AGENT_TIMEOUT, null, null, Map.of(),
          T0, T0, 0, 0, 0, 0, "python:3.13", null, AgentUsage.NONE, 0),
      new TrialRecord("run-1", "t3", "terminal-bench", "任务-3", "sha256:0", "mini", null, 0,
          TrialStatus.FAILED, null, "tests failed: 3 of 7 — see log", 0.25, Map.of("accuracy", 0.25),
          Instant.parse("2026-01-02T03:04:06.678Z"), Instant.parse("2026-01-02T03:04:07.678Z"), 1, 2, 3, 1_000,
          "alpine", "sb-3", AgentUsage.NONE, 0));

  @TempDir Path dir;

  @Test
  void fixtureIsAVersion1File() throws URISyntaxException, SQLException {
    assertThat(TrialFixtures.statedVersion(fixture())).isEqualTo("1");
  }

  @Test
  void readsEveryValueWithNoUsage() throws IOException, URISyntaxException {
    List<TrialRecord> read = TrialRecordReader.read(fixture());
    assertThat(read).containsExactlyElementsOf(V1_ROWS);
    assertThat(read).extracting(TrialRecord::usage).containsOnly(AgentUsage.NONE);
    assertThat(read).extracting(TrialRecord::sandboxHost).containsOnlyNulls();
  }

  @Test
  void readsVersion1And2PartsOfOneRunTogether() throws IOException, URISyntaxException {
    Files.copy(fixture(), dir.resolve("part-00000-00000001.parquet"));
    TrialRecordWriter.writePart(dir, List.of(TestRecords.passed("t4")));
    assertThat(TrialRecordReader.readAll(dir)).containsExactly(
        V1_ROWS.get(0), V1_ROWS.get(1), V1_ROWS.get(2), TestRecords.passed("t4"));
  }

  private static Path fixture() throws URISyntaxException {
    return TrialFixtures.path("trials-v1.parquet");
  }
}
