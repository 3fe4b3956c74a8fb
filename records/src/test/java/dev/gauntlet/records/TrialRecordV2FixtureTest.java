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
 * {@code fixtures/trials-v2.parquet} was written by the schema-version-2 code, before the scorer, its explanation,
 * the task's metadata and the dataset fingerprint were recorded. Never regenerate it.
 */
class TrialRecordV2FixtureTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  /** The fixture's rows, spelled out. */
  private static final List<TrialRecord> V2_ROWS = List.of(
      new TrialRecord("run-1", "t1", "swe-bench", "task-ü-1", "sha256:abc", "bash", "claude-λ", 1,
          TrialStatus.PASSED, null, null, 1.0, Map.of("accuracy", 1.0, "style", 0.5),
          T0, T0.plusMillis(90_000), 100, 80_000, 9_000, 90_000, "ghcr.io/gauntlet/ü:1", "ctr-😀",
          new AgentUsage(12, 150_000, 90_000, 4_000, 0.4321, null, 1), 2),
      new TrialRecord("run-1", "t2", "swe-bench", "task-2", "sha256:def", "bash", null, 2,
          TrialStatus.ERROR, ErrorKind.AGENT_TIMEOUT, null, null, Map.of(), T0, T0, 0, 0, 0, 0, "python:3.13", null,
          new AgentUsage(30, 10, 0, 5, null, "wall_time", 0), 0));

  @TempDir Path dir;

  @Test
  void fixtureIsAVersion2File() throws URISyntaxException, SQLException {
    assertThat(TrialFixtures.statedVersion(fixture())).isEqualTo("2");
  }

  @Test
  void readsEveryValueWithNoScorerMetadataOrFingerprint() throws IOException, URISyntaxException {
    List<TrialRecord> read = TrialRecordReader.read(fixture());
    assertThat(read).containsExactlyElementsOf(V2_ROWS);
    assertThat(read).extracting(TrialRecord::scorer).containsOnlyNulls();
    assertThat(read).extracting(TrialRecord::metadata).containsOnly(Map.of());
    assertThat(read).extracting(TrialRecord::datasetFingerprint).containsOnlyNulls();
    assertThat(read).extracting(TrialRecord::sandboxHost).containsOnlyNulls();
  }

  @Test
  void readsVersion1_2And3PartsOfOneRunTogether() throws IOException, URISyntaxException {
    Files.copy(fixture(), dir.resolve("part-00000-00000001.parquet"));
    Files.copy(TrialFixtures.path("trials-v1.parquet"), dir.resolve("part-00000-00000000.parquet"));
    TrialRecordWriter.writePart(dir, List.of(TestRecords.passed("t4")));

    List<TrialRecord> all = TrialRecordReader.readAll(dir);

    assertThat(all).hasSize(3 + 2 + 1);
    assertThat(all.subList(3, 5)).containsExactlyElementsOf(V2_ROWS);
    assertThat(all.get(5)).isEqualTo(TestRecords.passed("t4"));
    assertThat(all.get(5).metadata()).containsEntry("category", "régex");
  }

  private static Path fixture() throws URISyntaxException {
    return TrialFixtures.path("trials-v2.parquet");
  }
}
