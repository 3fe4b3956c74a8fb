package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fixtures/steps-v1.parquet} was written by the step schema version 1 code. Never regenerate it: when the
 * step schema changes, this test proves the new reader still reads the files users already have.
 */
class StepRecordV1FixtureTest {

  /** The fixture's rows, spelled out rather than taken from {@link TestSteps}, which may change. */
  private static final List<StepRecord> V1_ROWS = List.of(
      new StepRecord("run-1", "t1", 1, Instant.parse("2026-01-02T03:04:06.678Z"), 1_200, 340, 2_000, 150,
          "ls -la /tmp/ü", 0, "total 0\n😀 file-λ\n", null),
      new StepRecord("run-1", "t1", 2, Instant.parse("2026-01-02T03:04:07.678Z"), 900, 0, 2_100, 80,
          null, null, null, "no command found: expected exactly one ```bash block"),
      new StepRecord("run-1", "t1", 3, Instant.parse("2026-01-02T03:04:08.678Z"), 700, 30_000, 2_300, 60,
          "sleep 999 && echo 完成", null, "partial\n", "command timed out after 30 s"));

  @Test
  void readsEveryValue() throws IOException, URISyntaxException {
    Path fixture = Path.of(getClass().getResource("/fixtures/steps-v1.parquet").toURI());
    assertThat(StepRecordReader.read(fixture)).containsExactlyElementsOf(V1_ROWS);
  }
}
