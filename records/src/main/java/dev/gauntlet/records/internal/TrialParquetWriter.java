package dev.gauntlet.records.internal;

import dev.gauntlet.records.TrialRecord;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/** Opens Parquet writers of trial records on the local file system, without Hadoop. */
public final class TrialParquetWriter {

  private TrialParquetWriter() {}

  /**
   * Opens a ZSTD-compressed writer that creates {@code file}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
   */
  public static ParquetWriter<TrialRecord> create(Path file) throws IOException {
    return new Builder(file)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new LocalCodecFactory())
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .build();
  }

  private static final class Builder extends ParquetWriter.Builder<TrialRecord, Builder> {
    Builder(Path file) {
      super(new LocalOutputFile(file));
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<TrialRecord> getWriteSupport(ParquetConfiguration conf) {
      return new TrialWriteSupport();
    }

    /** Required by the abstract class; {@code build()} calls the {@link ParquetConfiguration} overload. */
    @Override
    @Deprecated
    protected WriteSupport<TrialRecord> getWriteSupport(Configuration conf) {
      return new TrialWriteSupport();
    }
  }
}
