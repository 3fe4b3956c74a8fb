package dev.gauntlet.records;

import dev.gauntlet.records.internal.PartWriter;
import dev.gauntlet.records.internal.RecordFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

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

  /**
   * Keeps in {@code dir} only the steps {@code keep} accepts, as {@link PartWriter#retain} does. Used on resume to
   * drop the steps of trials that a killed or interrupted run never recorded as finished, since they run again.
   *
   * @return how many steps were dropped
   */
  public static int retain(Path dir, Predicate<StepRecord> keep) throws IOException {
    return PartWriter.retain(dir, RecordFormat.STEPS, keep);
  }
}
