package dev.gauntlet.records;

import dev.gauntlet.records.internal.PartWriter;
import dev.gauntlet.records.internal.RecordFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Writes trial records as Parquet part files, each one appearing whole or not at all. */
public final class TrialRecordWriter {

  private TrialRecordWriter() {}

  /**
   * Writes {@code records} to a new ZSTD-compressed part file in {@code dir}, creating {@code dir} if needed.
   *
   * <p>The part is named {@code part-<sequence>-<random>.parquet}, its sequence one past the highest in
   * {@code dir}. It is written to a hidden temporary file in {@code dir} and then atomically renamed, so readers
   * never see a partial part; on any failure the temporary file is deleted and no part appears.
   *
   * @return the part file written
   * @throws NullPointerException if {@code records} or one of its elements is null
   * @throws IOException if the file cannot be written or renamed, or the file system cannot rename atomically
   */
  public static Path writePart(Path dir, List<TrialRecord> records) throws IOException {
    return PartWriter.writePart(dir, records, RecordFormat.TRIALS);
  }

  /**
   * Keeps in {@code dir} only the trial records {@code keep} accepts, as {@link PartWriter#retain} does. Used on
   * resume to drop records of trials that were cancelled, since they run again.
   *
   * @return how many records were dropped
   */
  public static int retain(Path dir, Predicate<TrialRecord> keep) throws IOException {
    return PartWriter.retain(dir, RecordFormat.TRIALS, keep);
  }
}
