package dev.gauntlet.records;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schema of step records, version {@link StepRecord#SCHEMA_VERSION}.
 *
 * <p>Columns are the {@link StepRecord} components in snake case, after a leading {@code schema_version};
 * timestamps are stored as UTC milliseconds. The version is also stored in each file's key-value metadata under
 * {@link #VERSION_KEY}, a key of its own so that trial and step files are never mistaken for each other. A golden
 * file in the tests seals this schema: changing it means bumping the version.
 */
public final class StepSchema {

  /** The file metadata key under which the step schema version is stored. */
  public static final String VERSION_KEY = "gauntlet.step_schema_version";

  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message step_record {
        required int32 schema_version;
        required binary run_id (STRING);
        required binary trial_id (STRING);
        required int32 step;
        required int64 started_at (TIMESTAMP(MILLIS,true));
        required int64 model_ms;
        required int64 exec_ms;
        required int64 input_tokens;
        required int64 output_tokens;
        optional binary command (STRING);
        optional int32 exit_code;
        optional binary output (STRING);
        optional binary error (STRING);
        required int32 retry;
      }
      """);

  private StepSchema() {}

  /** Returns the schema. */
  public static MessageType schema() {
    return SCHEMA;
  }
}
