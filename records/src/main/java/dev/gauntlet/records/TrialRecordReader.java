package dev.gauntlet.records;

import dev.gauntlet.records.internal.PartFiles;
import dev.gauntlet.records.internal.TrialParquetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads trial records back from the Parquet part files {@link TrialRecordWriter} wrote. */
public final class TrialRecordReader {

  private TrialRecordReader() {}

  /**
   * Reads every part file in {@code dir}, in name order, and the rows of each in file order. Hidden and
   * temporary files, including parts still being written, are ignored.
   *
   * @throws java.nio.file.NoSuchFileException if {@code dir} does not exist
   * @throws IOException if a part cannot be read, as for {@link #read(Path)}
   */
  public static List<TrialRecord> readAll(Path dir) throws IOException {
    List<TrialRecord> records = new ArrayList<>();
    for (Path part : PartFiles.list(dir)) {
      records.addAll(read(part));
    }
    return records;
  }

  /**
   * Reads every record of one Parquet file.
   *
   * @throws IOException if the file cannot be read, is not a trial-record file, holds an invalid record, or has
   *     a schema version newer than {@link TrialRecord#SCHEMA_VERSION}; the message names the file
   */
  public static List<TrialRecord> read(Path file) throws IOException {
    return TrialParquetReader.read(file);
  }
}
