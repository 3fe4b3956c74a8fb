package dev.gauntlet.records;

import dev.gauntlet.records.internal.PartWriter;
import dev.gauntlet.records.internal.RecordFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes step records as Parquet part files, each one appearing whole or not at all. Steps go to a directory of
 * their own, apart from the trial records.
 */
public final class StepRecordWriter {

  private StepRecordWriter() {}

  /**
   * Writes {@code records} to a new ZSTD-compressed part file in {@code dir}, creating {@code dir} if needed,
   * exactly as {@link TrialRecordWriter#writePart(Path, List)} does.
   *
   * @return the part file written
   * @throws NullPointerException if {@code records} or one of its elements is null
   * @throws IOException if the file cannot be written or renamed, or the file system cannot rename atomically
   */
  public static Path writePart(Path dir, List<StepRecord> records) throws IOException {
    return PartWriter.writePart(dir, records, RecordFormat.STEPS);
  }
}
