package dev.gauntlet.records.internal;

import static dev.gauntlet.records.internal.Rows.optionalInteger;
import static dev.gauntlet.records.internal.Rows.optionalString;

import dev.gauntlet.records.StepRecord;
import java.time.Instant;
import org.apache.parquet.example.data.Group;

/** Turns one row of the step-record schema, as a {@link Group}, back into a {@link StepRecord}. */
final class StepRowDecoder {

  private StepRowDecoder() {}

  /** Decodes {@code row}; version 1 rows, without {@code retry}, are steps of a trial's first run. */
  static StepRecord decode(Group row, int version) {
    return new StepRecord(
        row.getString("run_id", 0),
        row.getString("trial_id", 0),
        row.getInteger("step", 0),
        Instant.ofEpochMilli(row.getLong("started_at", 0)),
        row.getLong("model_ms", 0),
        row.getLong("exec_ms", 0),
        row.getLong("input_tokens", 0),
        row.getLong("output_tokens", 0),
        optionalString(row, "command"),
        optionalInteger(row, "exit_code"),
        optionalString(row, "output"),
        optionalString(row, "error"),
        version >= 2 ? row.getInteger("retry", 0) : 0);
  }
}
