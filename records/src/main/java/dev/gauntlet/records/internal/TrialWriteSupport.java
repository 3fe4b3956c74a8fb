package dev.gauntlet.records.internal;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialSchema;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes a {@link TrialRecord} as one row of {@link TrialSchema}. */
final class TrialWriteSupport extends RowWriteSupport<TrialRecord> {

  TrialWriteSupport() {
    super(TrialSchema.schema(), TrialSchema.VERSION_KEY, TrialRecord.SCHEMA_VERSION);
  }

  @Override
  void writeColumns(TrialRecord r) {
    string("run_id", r.runId());
    string("trial_id", r.trialId());
    string("dataset", r.dataset());
    string("task_id", r.taskId());
    string("task_hash", r.taskHash());
    string("agent", r.agent());
    string("model", r.model());
    int32("attempt", r.attempt());
    string("status", r.status().wireName());
    string("error_kind", r.errorKind() == null ? null : r.errorKind().wireName());
    string("error_message", r.errorMessage());
    float64("reward", r.reward());
    map("rewards", r.rewards(), RecordConsumer::addDouble);
    timestamp("started_at", r.startedAt());
    timestamp("finished_at", r.finishedAt());
    int64("setup_ms", r.setupMs());
    int64("agent_ms", r.agentMs());
    int64("verifier_ms", r.verifierMs());
    int64("total_ms", r.totalMs());
    string("image", r.image());
    string("sandbox_id", r.sandboxId());
    AgentUsage usage = r.usage();
    int32("steps", usage.steps());
    int64("input_tokens", usage.inputTokens());
    int64("cached_input_tokens", usage.cachedInputTokens());
    int64("output_tokens", usage.outputTokens());
    float64("cost_usd", usage.costUsd());
    string("limit_hit", usage.limitHit());
    int32("model_retries", usage.modelRetries());
    int32("retries", r.retries());
    string("scorer", r.scorer());
    string("score_explanation", r.scoreExplanation());
    map("metadata", r.metadata(), (out, value) -> out.addBinary(Binary.fromString(value)));
    string("dataset_fingerprint", r.datasetFingerprint());
    string("sandbox_host", r.sandboxHost());
  }

  /** A standard Parquet map of string keys; an empty map is written as a group with no entries. */
  private <V> void map(String column, Map<String, V> map, BiConsumer<RecordConsumer, V> value) {
    RecordConsumer out = out();
    start(column);
    out.startGroup();
    if (!map.isEmpty()) {
      out.startField("key_value", 0);
      for (Map.Entry<String, V> entry : map.entrySet()) {
        out.startGroup();
        out.startField("key", 0);
        out.addBinary(Binary.fromString(entry.getKey()));
        out.endField("key", 0);
        out.startField("value", 1);
        value.accept(out, entry.getValue());
        out.endField("value", 1);
        out.endGroup();
      }
      out.endField("key_value", 0);
    }
    out.endGroup();
    end(column);
  }
}
