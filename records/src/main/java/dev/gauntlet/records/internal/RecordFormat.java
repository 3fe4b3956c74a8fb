package dev.gauntlet.records.internal;

import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepSchema;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialSchema;
import java.util.function.Supplier;

/**
 * One kind of record file: how its rows are written and read back, and which version of it this code reads and
 * writes. {@link PartWriter} and {@link PartReader} do the rest, the same for every kind.
 */
public final class RecordFormat<T> {

  /** Trial records, as described by {@link TrialSchema}. */
  public static final RecordFormat<TrialRecord> TRIALS = new RecordFormat<>(
      "trial", TrialSchema.VERSION_KEY, TrialRecord.SCHEMA_VERSION, TrialWriteSupport::new, TrialRowDecoder::decode);

  /** Step records, as described by {@link StepSchema}. */
  public static final RecordFormat<StepRecord> STEPS = new RecordFormat<>(
      "step", StepSchema.VERSION_KEY, StepRecord.SCHEMA_VERSION, StepWriteSupport::new, StepRowDecoder::decode);

  private final String kind;
  private final String versionKey;
  private final int version;
  private final Supplier<RowWriteSupport<T>> writeSupport;
  private final RowDecoder<T> decoder;

  private RecordFormat(String kind, String versionKey, int version, Supplier<RowWriteSupport<T>> writeSupport,
      RowDecoder<T> decoder) {
    this.kind = kind;
    this.versionKey = versionKey;
    this.version = version;
    this.writeSupport = writeSupport;
    this.decoder = decoder;
  }

  /** The record kind as errors name it, e.g. {@code trial} in "not a trial-record file". */
  String kind() {
    return kind;
  }

  /** The file metadata key holding the schema version. */
  String versionKey() {
    return versionKey;
  }

  /** The newest schema version this code reads, and the one it writes. */
  int version() {
    return version;
  }

  /** Makes a fresh write support, one per file written. */
  RowWriteSupport<T> newWriteSupport() {
    return writeSupport.get();
  }

  RowDecoder<T> decoder() {
    return decoder;
  }
}
