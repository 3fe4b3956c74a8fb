package dev.gauntlet.records.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** Reads records back from local Parquet part files, without Hadoop, for every {@link RecordFormat}. */
public final class PartReader {

  private PartReader() {}

  /**
   * Reads every part file in {@code dir}, in name order, and the rows of each in file order; other files are
   * ignored.
   *
   * @throws java.nio.file.NoSuchFileException if {@code dir} does not exist
   * @throws IOException if a part cannot be read, as for {@link #read(Path, RecordFormat)}
   */
  public static <T> List<T> readAll(Path dir, RecordFormat<T> format) throws IOException {
    List<T> records = new ArrayList<>();
    for (Path part : PartFiles.list(dir)) {
      records.addAll(read(part, format));
    }
    return records;
  }

  /**
   * Reads all rows of {@code file}, in order, decoding each by the schema version in the file's metadata.
   *
   * @throws IOException if the file cannot be read, is not a file of {@code format}, holds an invalid record, or
   *     has a newer schema version; the message names the file
   */
  public static <T> List<T> read(Path file, RecordFormat<T> format) throws IOException {
    List<T> records = new ArrayList<>();
    forEach(file, format, records::add);
    return records;
  }

  /**
   * Hands every row of every part file in {@code dir} to {@code action}, in the order of
   * {@link #readAll(Path, RecordFormat)}, holding no more than one row at a time.
   *
   * @throws java.nio.file.NoSuchFileException if {@code dir} does not exist
   * @throws IOException as for {@link #read(Path, RecordFormat)}
   */
  public static <T> void forEachInDir(Path dir, RecordFormat<T> format, Consumer<? super T> action) throws IOException {
    for (Path part : PartFiles.list(dir)) {
      forEach(part, format, action);
    }
  }

  private static <T> void forEach(Path file, RecordFormat<T> format, Consumer<? super T> action) throws IOException {
    try (ParquetFileReader reader = new ParquetFileReader(
        new LocalInputFile(file), HadoopFreeReadOptions.create(new LocalCodecFactory()))) {
      int version = checkVersion(file, format,
          reader.getFileMetaData().getKeyValueMetaData().get(format.versionKey()));
      MessageType schema = reader.getFileMetaData().getSchema();
      ColumnIOFactory columnIo = new ColumnIOFactory();
      for (PageReadStore rowGroup; (rowGroup = reader.readNextRowGroup()) != null; ) {
        RecordReader<Group> rows =
            columnIo.getColumnIO(schema).getRecordReader(rowGroup, new GroupRecordConverter(schema));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          action.accept(decode(file, format, rows.read(), version));
        }
      }
    }
  }

  private static <T> T decode(Path file, RecordFormat<T> format, Group row, int version) throws IOException {
    try {
      return format.decoder().decode(row, version);
    } catch (RuntimeException e) {
      throw new IOException("invalid " + format.kind() + " record in " + file + ": " + e.getMessage(), e);
    }
  }

  private static int checkVersion(Path file, RecordFormat<?> format, String version) throws IOException {
    String key = format.versionKey();
    if (version == null) {
      throw new IOException(
          file + " is not a " + format.kind() + "-record file: its metadata has no " + key);
    }
    int parsed;
    try {
      parsed = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw new IOException(file + " has an invalid " + key + " '" + version + "'", e);
    }
    if (parsed > format.version()) {
      throw new IOException(file + " has " + format.kind() + "-record schema version " + parsed
          + ", newer than version " + format.version() + " that this Gauntlet reads; read it with a newer Gauntlet");
    }
    return parsed;
  }
}
