package dev.gauntlet.records.internal;

import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes records as rows of one schema that starts with a {@code schema_version} column, and stores that version in
 * the file metadata too. Subclasses write the remaining columns with the helpers here, which skip a {@code null}
 * value, leaving its optional column empty.
 */
abstract class RowWriteSupport<T> extends WriteSupport<T> {

  private final MessageType schema;
  private final String versionKey;
  private final int version;
  private RecordConsumer out;

  RowWriteSupport(MessageType schema, String versionKey, int version) {
    this.schema = schema;
    this.versionKey = versionKey;
    this.version = version;
  }

  /** Writes every column of {@code record} after {@code schema_version}. */
  abstract void writeColumns(T record);

  @Override
  public final WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of(versionKey, Integer.toString(version)));
  }

  /** Required by the abstract class; Parquet calls the {@link ParquetConfiguration} overload instead. */
  @Override
  @Deprecated
  public final WriteContext init(Configuration configuration) {
    return init((ParquetConfiguration) null);
  }

  @Override
  public final void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public final void write(T record) {
    out.startMessage();
    int32("schema_version", version);
    writeColumns(record);
    out.endMessage();
  }

  /** Returns the consumer, for columns the helpers do not cover. */
  final RecordConsumer out() {
    return out;
  }

  final void string(String column, String value) {
    if (value != null) {
      start(column);
      out.addBinary(Binary.fromString(value));
      end(column);
    }
  }

  final void int32(String column, Integer value) {
    if (value != null) {
      start(column);
      out.addInteger(value);
      end(column);
    }
  }

  final void int64(String column, long value) {
    start(column);
    out.addLong(value);
    end(column);
  }

  final void float64(String column, Double value) {
    if (value != null) {
      start(column);
      out.addDouble(value);
      end(column);
    }
  }

  /** Writes a {@code TIMESTAMP(MILLIS,true)} column. */
  final void timestamp(String column, Instant value) {
    int64(column, value.toEpochMilli());
  }

  final void start(String column) {
    out.startField(column, schema.getFieldIndex(column));
  }

  final void end(String column) {
    out.endField(column, schema.getFieldIndex(column));
  }
}
