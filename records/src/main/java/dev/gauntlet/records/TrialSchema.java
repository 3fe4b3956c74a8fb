package dev.gauntlet.records;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schema of trial records, version {@link TrialRecord#SCHEMA_VERSION}.
 *
 * <p>Columns are the {@link TrialRecord} components in snake case, after a leading {@code schema_version}; the
 * {@link AgentUsage} components are flattened into columns ({@code steps} to {@code model_retries}).
 * Enums are stored by their wire names, timestamps as UTC milliseconds, and {@code rewards} and {@code metadata}
 * as standard Parquet maps. The version is also stored in each file's key-value metadata under {@link #VERSION_KEY}.
 * A golden file in the tests seals this schema: changing it means bumping the version.
 */
public final class TrialSchema {

  /** The file metadata key under which the schema version is stored. */
  public static final String VERSION_KEY = "gauntlet.schema_version";

  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message trial_record {
        required int32 schema_version;
        required binary run_id (STRING);
        required binary trial_id (STRING);
        required binary dataset (STRING);
        required binary task_id (STRING);
        required binary task_hash (STRING);
        required binary agent (STRING);
        optional binary model (STRING);
        required int32 attempt;
        required binary status (STRING);
        optional binary error_kind (STRING);
        optional binary error_message (STRING);
        optional double reward;
        required group rewards (MAP) {
          repeated group key_value {
            required binary key (STRING);
            required double value;
          }
        }
        required int64 started_at (TIMESTAMP(MILLIS,true));
        required int64 finished_at (TIMESTAMP(MILLIS,true));
        required int64 setup_ms;
        required int64 agent_ms;
        required int64 verifier_ms;
        required int64 total_ms;
        required binary image (STRING);
        optional binary sandbox_id (STRING);
        required int32 steps;
        required int64 input_tokens;
        required int64 cached_input_tokens;
        required int64 output_tokens;
        optional double cost_usd;
        optional binary limit_hit (STRING);
        required int32 model_retries;
        required int32 retries;
        optional binary scorer (STRING);
        optional binary score_explanation (STRING);
        required group metadata (MAP) {
          repeated group key_value {
            required binary key (STRING);
            required binary value (STRING);
          }
        }
        optional binary dataset_fingerprint (STRING);
        optional binary sandbox_host (STRING);
      }
      """);

  private TrialSchema() {}

  /** Returns the schema. */
  public static MessageType schema() {
    return SCHEMA;
  }
}
