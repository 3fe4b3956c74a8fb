package dev.gauntlet.records.internal;

import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepSchema;

/** Writes a {@link StepRecord} as one row of {@link StepSchema}. */
final class StepWriteSupport extends RowWriteSupport<StepRecord> {

  StepWriteSupport() {
    super(StepSchema.schema(), StepSchema.VERSION_KEY, StepRecord.SCHEMA_VERSION);
  }

  @Override
  void writeColumns(StepRecord r) {
    string("run_id", r.runId());
    string("trial_id", r.trialId());
    int32("step", r.step());
    timestamp("started_at", r.startedAt());
    int64("model_ms", r.modelMs());
    int64("exec_ms", r.execMs());
    int64("input_tokens", r.inputTokens());
    int64("output_tokens", r.outputTokens());
    string("command", r.command());
    int32("exit_code", r.exitCode());
    string("output", r.output());
    string("error", r.error());
    int32("retry", r.retry());
  }
}
