package dev.gauntlet.records.internal;

import static dev.gauntlet.records.internal.Rows.optionalDouble;
import static dev.gauntlet.records.internal.Rows.optionalString;

import dev.gauntlet.records.AgentUsage;
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

  /**
   * Decodes {@code row} of a file of schema {@code version}; version 1 rows have no usage columns, versions 1 and 2
   * no scorer, explanation, metadata or dataset fingerprint, versions 1 to 3 no sandbox host.
   */
  static TrialRecord decode(Group row, int version) {
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
        optionalDouble(row, "reward"),
        rewards(row.getGroup("rewards", 0)),
        Instant.ofEpochMilli(row.getLong("started_at", 0)),
        Instant.ofEpochMilli(row.getLong("finished_at", 0)),
        row.getLong("setup_ms", 0),
        row.getLong("agent_ms", 0),
        row.getLong("verifier_ms", 0),
        row.getLong("total_ms", 0),
        row.getString("image", 0),
        optionalString(row, "sandbox_id"),
        version < 2 ? AgentUsage.NONE : usage(row),
        version < 2 ? 0 : row.getInteger("retries", 0),
        version < 3 ? null : optionalString(row, "scorer"),
        version < 3 ? null : optionalString(row, "score_explanation"),
        version < 3 ? Map.of() : metadata(row.getGroup("metadata", 0)),
        version < 3 ? null : optionalString(row, "dataset_fingerprint"),
        version < 4 ? null : optionalString(row, "sandbox_host"));
  }

  private static AgentUsage usage(Group row) {
    return new AgentUsage(
        row.getInteger("steps", 0),
        row.getLong("input_tokens", 0),
        row.getLong("cached_input_tokens", 0),
        row.getLong("output_tokens", 0),
        optionalDouble(row, "cost_usd"),
        optionalString(row, "limit_hit"),
        row.getInteger("model_retries", 0));
  }

  private static Map<String, Double> rewards(Group map) {
    Map<String, Double> rewards = new HashMap<>();
    for (int i = 0; i < map.getFieldRepetitionCount("key_value"); i++) {
      Group entry = map.getGroup("key_value", i);
      rewards.put(entry.getString("key", 0), entry.getDouble("value", 0));
    }
    return rewards;
  }

  private static Map<String, String> metadata(Group map) {
    Map<String, String> metadata = new HashMap<>();
    for (int i = 0; i < map.getFieldRepetitionCount("key_value"); i++) {
      Group entry = map.getGroup("key_value", i);
      metadata.put(entry.getString("key", 0), entry.getString("value", 0));
    }
    return metadata;
  }
}
