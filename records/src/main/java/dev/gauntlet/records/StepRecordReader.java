package dev.gauntlet.records;

import dev.gauntlet.records.internal.PartReader;
import dev.gauntlet.records.internal.RecordFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Reads step records back from the Parquet part files {@link StepRecordWriter} wrote. */
public final class StepRecordReader {

  private StepRecordReader() {}

  /**
   * Reads every part file in {@code dir}, in name order, and the rows of each in file order. Hidden and
   * temporary files, including parts still being written, are ignored.
   *
   * @throws java.nio.file.NoSuchFileException if {@code dir} does not exist
   * @throws IOException if a part cannot be read, as for {@link #read(Path)}
   */
  public static List<StepRecord> readAll(Path dir) throws IOException {
    return PartReader.readAll(dir, RecordFormat.STEPS);
  }

  /**
   * Hands every record of every part file in {@code dir} to {@code action}, in the order of {@link #readAll(Path)},
   * without holding them all: for runs with more steps than fit in memory.
   *
   * @throws java.nio.file.NoSuchFileException if {@code dir} does not exist
   * @throws IOException if a part cannot be read, as for {@link #read(Path)}
   */
  public static void forEach(Path dir, Consumer<? super StepRecord> action) throws IOException {
    PartReader.forEachInDir(dir, RecordFormat.STEPS, action);
  }

  /**
   * Reads every record of one Parquet file.
   *
   * @throws IOException if the file cannot be read, is not a step-record file (a trial-record file is not), holds
   *     an invalid record, or has a schema version newer than {@link StepRecord#SCHEMA_VERSION}; the message names
   *     the file
   */
  public static List<StepRecord> read(Path file) throws IOException {
    return PartReader.read(file, RecordFormat.STEPS);
  }
}
