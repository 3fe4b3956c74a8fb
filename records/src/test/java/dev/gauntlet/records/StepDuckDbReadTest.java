package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step files are plain Parquet: DuckDB reads every column of every row as written. */
class StepDuckDbReadTest {

  @TempDir Path dir;

  @Test
  void duckDbReadsEveryColumn() throws IOException, SQLException {
    List<StepRecord> records = TestSteps.all();
    StepRecordWriter.writePart(dir, records.subList(0, 2));
    StepRecordWriter.writePart(dir, records.subList(2, records.size()));

    String sql = "SELECT * FROM read_parquet('" + dir.toAbsolutePath() + "/part-*.parquet')"
        + " ORDER BY trial_id, step";
    List<StepRecord> expected = records.stream()
        .sorted(Comparator.comparing(StepRecord::trialId).thenComparingInt(StepRecord::step)).toList();
    int rows = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      assertThat(columns(rs)).containsExactly("schema_version", "run_id", "trial_id", "step", "started_at",
          "model_ms", "exec_ms", "input_tokens", "output_tokens", "command", "exit_code", "output", "error", "retry");
      while (rs.next()) {
        assertRow(rs, expected.get(rows++));
      }
    }
    assertThat(rows).isEqualTo(records.size());
  }

  private static void assertRow(ResultSet rs, StepRecord r) throws SQLException {
    assertThat(rs.getInt("schema_version")).isEqualTo(StepRecord.SCHEMA_VERSION);
    assertThat(rs.getString("run_id")).isEqualTo(r.runId());
    assertThat(rs.getString("trial_id")).isEqualTo(r.trialId());
    assertThat(rs.getInt("step")).isEqualTo(r.step());
    assertThat(rs.getObject("started_at", OffsetDateTime.class).toInstant()).isEqualTo(r.startedAt());
    assertThat(rs.getLong("model_ms")).isEqualTo(r.modelMs());
    assertThat(rs.getLong("exec_ms")).isEqualTo(r.execMs());
    assertThat(rs.getLong("input_tokens")).isEqualTo(r.inputTokens());
    assertThat(rs.getLong("output_tokens")).isEqualTo(r.outputTokens());
    assertThat(rs.getString("command")).isEqualTo(r.command());
    assertThat(rs.getObject("exit_code")).isEqualTo(r.exitCode());
    assertThat(rs.getString("output")).isEqualTo(r.output());
    assertThat(rs.getString("error")).isEqualTo(r.error());
    assertThat(rs.getInt("retry")).isEqualTo(r.retry());
  }

  private static List<String> columns(ResultSet rs) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      names.add(rs.getMetaData().getColumnName(i));
    }
    return names;
  }
}
