package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files are plain Parquet: DuckDB reads every column of every row as written. */
class DuckDbReadTest {

  @TempDir Path dir;

  @Test
  void duckDbReadsEveryColumn() throws IOException, SQLException {
    List<TrialRecord> records = TestRecords.all();
    TrialRecordWriter.writePart(dir, records.subList(0, 2));
    TrialRecordWriter.writePart(dir, records.subList(2, records.size()));

    String sql = "SELECT *, rewards['accuracy'] AS accuracy, cardinality(rewards) AS reward_count,"
        + " metadata['difficulty'] AS difficulty,"
        + " CAST(rewards AS VARCHAR) AS rewards_text"
        + " FROM read_parquet('" + dir.toAbsolutePath() + "/part-*.parquet') ORDER BY trial_id";
    List<TrialRecord> expected = records.stream()
        .sorted((a, b) -> a.trialId().compareTo(b.trialId())).toList();
    int rows = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      assertThat(columns(rs)).startsWith("schema_version", "run_id", "trial_id", "dataset", "task_id",
          "task_hash", "agent", "model", "attempt", "status", "error_kind", "error_message", "reward",
          "rewards", "started_at", "finished_at", "setup_ms", "agent_ms", "verifier_ms", "total_ms", "image",
          "sandbox_id", "steps", "input_tokens", "cached_input_tokens", "output_tokens", "cost_usd", "limit_hit",
          "model_retries", "retries", "scorer", "score_explanation", "metadata", "dataset_fingerprint",
          "sandbox_host");
      while (rs.next()) {
        assertRow(rs, expected.get(rows++));
      }
    }
    assertThat(rows).isEqualTo(records.size());
  }

  @Test
  void columnsAreZstdCompressed() throws IOException, SQLException {
    Path part = TrialRecordWriter.writePart(dir, TestRecords.all());
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('"
            + part.toAbsolutePath() + "')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ZSTD");
      assertThat(rs.next()).isFalse();
    }
  }

  private static void assertRow(ResultSet rs, TrialRecord r) throws SQLException {
    assertThat(rs.getInt("schema_version")).isEqualTo(TrialRecord.SCHEMA_VERSION);
    assertThat(rs.getString("run_id")).isEqualTo(r.runId());
    assertThat(rs.getString("trial_id")).isEqualTo(r.trialId());
    assertThat(rs.getString("dataset")).isEqualTo(r.dataset());
    assertThat(rs.getString("task_id")).isEqualTo(r.taskId());
    assertThat(rs.getString("task_hash")).isEqualTo(r.taskHash());
    assertThat(rs.getString("agent")).isEqualTo(r.agent());
    assertThat(rs.getString("model")).isEqualTo(r.model());
    assertThat(rs.getInt("attempt")).isEqualTo(r.attempt());
    assertThat(rs.getString("status")).isEqualTo(r.status().wireName());
    assertThat(rs.getString("error_kind")).isEqualTo(r.errorKind() == null ? null : r.errorKind().wireName());
    assertThat(rs.getString("error_message")).isEqualTo(r.errorMessage());
    assertThat(rs.getObject("reward")).isEqualTo(r.reward());
    assertThat(rs.getObject("accuracy")).isEqualTo(r.rewards().get("accuracy"));
    assertThat(rs.getLong("reward_count")).isEqualTo(r.rewards().size());
    // DuckDB prints a map as {k=v, ...} in key order, as the record's sorted map does.
    assertThat(rs.getString("rewards_text")).isEqualTo(r.rewards().toString());
    assertThat(instant(rs, "started_at")).isEqualTo(r.startedAt());
    assertThat(instant(rs, "finished_at")).isEqualTo(r.finishedAt());
    assertThat(rs.getLong("setup_ms")).isEqualTo(r.setupMs());
    assertThat(rs.getLong("agent_ms")).isEqualTo(r.agentMs());
    assertThat(rs.getLong("verifier_ms")).isEqualTo(r.verifierMs());
    assertThat(rs.getLong("total_ms")).isEqualTo(r.totalMs());
    assertThat(rs.getString("image")).isEqualTo(r.image());
    assertThat(rs.getString("sandbox_id")).isEqualTo(r.sandboxId());
    assertThat(rs.getInt("steps")).isEqualTo(r.usage().steps());
    assertThat(rs.getLong("input_tokens")).isEqualTo(r.usage().inputTokens());
    assertThat(rs.getLong("cached_input_tokens")).isEqualTo(r.usage().cachedInputTokens());
    assertThat(rs.getLong("output_tokens")).isEqualTo(r.usage().outputTokens());
    assertThat(rs.getObject("cost_usd")).isEqualTo(r.usage().costUsd());
    assertThat(rs.getString("limit_hit")).isEqualTo(r.usage().limitHit());
    assertThat(rs.getInt("model_retries")).isEqualTo(r.usage().modelRetries());
    assertThat(rs.getInt("retries")).isEqualTo(r.retries());
    assertThat(rs.getString("scorer")).isEqualTo(r.scorer());
    assertThat(rs.getString("score_explanation")).isEqualTo(r.scoreExplanation());
    assertThat(rs.getString("difficulty")).isEqualTo(r.metadata().get("difficulty"));
    assertThat(rs.getString("dataset_fingerprint")).isEqualTo(r.datasetFingerprint());
    assertThat(rs.getString("sandbox_host")).isEqualTo(r.sandboxHost());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static List<String> columns(ResultSet rs) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      names.add(rs.getMetaData().getColumnName(i));
    }
    return names;
  }
}
