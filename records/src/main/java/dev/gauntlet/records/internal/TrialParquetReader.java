package dev.gauntlet.records.internal;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** Reads every trial record of one local Parquet file, without Hadoop. */
public final class TrialParquetReader {

  private TrialParquetReader() {}

  /**
   * Reads all rows of {@code file}, in order.
   *
   * @throws IOException if the file cannot be read, is not a trial-record file, or has a newer schema version
   */
  public static List<TrialRecord> read(Path file) throws IOException {
    try (ParquetFileReader reader = new ParquetFileReader(
        new LocalInputFile(file), HadoopFreeReadOptions.create(new LocalCodecFactory()))) {
      checkVersion(file, reader.getFileMetaData().getKeyValueMetaData().get(TrialSchema.VERSION_KEY));
      MessageType schema = reader.getFileMetaData().getSchema();
      ColumnIOFactory columnIo = new ColumnIOFactory();
      List<TrialRecord> records = new ArrayList<>();
      for (PageReadStore rowGroup; (rowGroup = reader.readNextRowGroup()) != null; ) {
        RecordReader<Group> rows =
            columnIo.getColumnIO(schema).getRecordReader(rowGroup, new GroupRecordConverter(schema));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          records.add(decode(file, rows.read()));
        }
      }
      return records;
    }
  }

  private static TrialRecord decode(Path file, Group row) throws IOException {
    try {
      return TrialRowDecoder.decode(row);
    } catch (RuntimeException e) {
      throw new IOException("invalid trial record in " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkVersion(Path file, String version) throws IOException {
    if (version == null) {
      throw new IOException(file + " is not a trial-record file: its metadata has no " + TrialSchema.VERSION_KEY);
    }
    int parsed;
    try {
      parsed = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new IOException(file + " has an invalid " + TrialSchema.VERSION_KEY + " '" + version + "'", e);
    }
    if (parsed > TrialRecord.SCHEMA_VERSION) {
      throw new IOException(file + " has trial-record schema version " + parsed + ", newer than version "
          + TrialRecord.SCHEMA_VERSION + " that this Gauntlet reads; read it with a newer Gauntlet");
    }
  }
}
