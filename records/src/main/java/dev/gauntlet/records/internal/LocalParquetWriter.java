package dev.gauntlet.records.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/** Opens Parquet writers of records on the local file system, without Hadoop. */
final class LocalParquetWriter {

  private LocalParquetWriter() {}

  /**
   * Opens a ZSTD-compressed writer that creates {@code file} and writes rows of {@code format}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
   */
  static <T> ParquetWriter<T> create(Path file, RecordFormat<T> format) throws IOException {
    return new Builder<>(file, format)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new LocalCodecFactory())
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .build();
  }

  private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
    private final RecordFormat<T> format;

    Builder(Path file, RecordFormat<T> format) {
      super(new LocalOutputFile(file));
      this.format = format;
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
      return format.newWriteSupport();
    }

    /** Required by the abstract class; {@code build()} calls the {@link ParquetConfiguration} overload. */
    @Override
    @Deprecated
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return format.newWriteSupport();
    }
  }
}
