package dev.gauntlet.records;

import dev.gauntlet.records.internal.PartReader;
import dev.gauntlet.records.internal.RecordFormat;
import java.io.IOException;
import java.nio.file.Path;
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
    return PartReader.readAll(dir, RecordFormat.TRIALS);
  }

  /**
   * Reads every record of one Parquet file. Files of older schema versions are read with the components they lack
   * absent, as {@link TrialRecord#SCHEMA_VERSION} lists: version 1 files with {@link AgentUsage#NONE}, versions 1
   * to 3 with a {@code null} {@link TrialRecord#sandboxHost()}, and so on.
   *
   * @throws IOException if the file cannot be read, is not a trial-record file (a step-record file is not), holds
   *     an invalid record, or has a schema version newer than {@link TrialRecord#SCHEMA_VERSION}; the message
   *     names the file
   */
  public static List<TrialRecord> read(Path file) throws IOException {
    return PartReader.read(file, RecordFormat.TRIALS);
  }
}
