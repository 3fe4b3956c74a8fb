package dev.gauntlet.records.internal;

import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.example.data.Group;

/** Turns one row of the trial-record schema, as a {@link Group}, back into a {@link TrialRecord}. */
final class TrialRowDecoder {

  private TrialRowDecoder() {}

  static TrialRecord decode(Group row) {
    String errorKind = optionalString(row, "error_kind");
    return new TrialRecord(
        row.getString("run_id", 0),
        row.getString("trial_id", 0),
        row.getString("dataset", 0),
        row.getString("task_id", 0),
        row.getString("task_hash", 0),
        row.getString("agent", 0),
        optionalString(row, "model"),
        row.getInteger("attempt", 0),
        TrialStatus.parse(row.getString("status", 0)),
        errorKind == null ? null : ErrorKind.parse(errorKind),
        optionalString(row, "error_message"),
        row.getFieldRepetitionCount("reward") == 0 ? null : row.getDouble("reward", 0),
        rewards(row.getGroup("rewards", 0)),
        Instant.ofEpochMilli(row.getLong("started_at", 0)),
        Instant.ofEpochMilli(row.getLong("finished_at", 0)),
        row.getLong("setup_ms", 0),
        row.getLong("agent_ms", 0),
        row.getLong("verifier_ms", 0),
        row.getLong("total_ms", 0),
        row.getString("image", 0),
        optionalString(row, "sandbox_id"));
  }

  private static Map<String, Double> rewards(Group map) {
    Map<String, Double> rewards = new HashMap<>();
    for (int i = 0; i < map.getFieldRepetitionCount("key_value"); i++) {
      Group entry = map.getGroup("key_value", i);
      rewards.put(entry.getString("key", 0), entry.getDouble("value", 0));
    }
    return rewards;
  }

  private static String optionalString(Group row, String column) {
    return row.getFieldRepetitionCount(column) == 0 ? null : row.getString(column, 0);
  }
}
