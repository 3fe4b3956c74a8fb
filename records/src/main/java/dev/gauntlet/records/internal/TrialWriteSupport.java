package dev.gauntlet.records.internal;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialSchema;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes a {@link TrialRecord} as one row of {@link TrialSchema}. */
final class TrialWriteSupport extends WriteSupport<TrialRecord> {

  private static final MessageType SCHEMA = TrialSchema.schema();

  private RecordConsumer out;

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(
        SCHEMA, Map.of(TrialSchema.VERSION_KEY, Integer.toString(TrialRecord.SCHEMA_VERSION)));
  }

  /** Required by the abstract class; Parquet calls the {@link ParquetConfiguration} overload instead. */
  @Override
  @Deprecated
  public WriteContext init(Configuration configuration) {
    return init((ParquetConfiguration) null);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(TrialRecord r) {
    out.startMessage();
    int32("schema_version", TrialRecord.SCHEMA_VERSION);
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
    if (r.reward() != null) {
      start("reward");
      out.addDouble(r.reward());
      end("reward");
    }
    rewards(r.rewards());
    int64("started_at", r.startedAt().toEpochMilli());
    int64("finished_at", r.finishedAt().toEpochMilli());
    int64("setup_ms", r.setupMs());
    int64("agent_ms", r.agentMs());
    int64("verifier_ms", r.verifierMs());
    int64("total_ms", r.totalMs());
    string("image", r.image());
    string("sandbox_id", r.sandboxId());
    out.endMessage();
  }

  private void rewards(Map<String, Double> rewards) {
    start("rewards");
    out.startGroup();
    if (!rewards.isEmpty()) {
      out.startField("key_value", 0);
      for (Map.Entry<String, Double> entry : rewards.entrySet()) {
        out.startGroup();
        out.startField("key", 0);
        out.addBinary(Binary.fromString(entry.getKey()));
        out.endField("key", 0);
        out.startField("value", 1);
        out.addDouble(entry.getValue());
        out.endField("value", 1);
        out.endGroup();
      }
      out.endField("key_value", 0);
    }
    out.endGroup();
    end("rewards");
  }

  /** Writes a string column, or skips it when {@code value} is null (the column is then optional). */
  private void string(String column, String value) {
    if (value != null) {
      start(column);
      out.addBinary(Binary.fromString(value));
      end(column);
    }
  }

  private void int32(String column, int value) {
    start(column);
    out.addInteger(value);
    end(column);
  }

  private void int64(String column, long value) {
    start(column);
    out.addLong(value);
    end(column);
  }

  private void start(String column) {
    out.startField(column, SCHEMA.getFieldIndex(column));
  }

  private void end(String column) {
    out.endField(column, SCHEMA.getFieldIndex(column));
  }
}
