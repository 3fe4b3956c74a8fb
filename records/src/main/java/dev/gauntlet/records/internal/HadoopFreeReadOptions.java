package dev.gauntlet.records.internal;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * Makes {@link ParquetReadOptions} without loading Hadoop.
 *
 * <p>Parquet 1.18's {@code ParquetReadOptions.Builder} always calls {@code ParquetInputFormat.getFilter}, and
 * {@code ParquetInputFormat} extends Hadoop's MapReduce {@code FileInputFormat}, so every builder fails with
 * {@code NoClassDefFoundError} when Hadoop is absent (apache/parquet-java#3780). This class calls the
 * package-private constructor that the builder would have called. Drop it once a Parquet release with the fix
 * (apache/parquet-java#3781) is adopted; the reader tests, which run without Hadoop, will tell.
 */
final class HadoopFreeReadOptions {

  private static final int MAX_ALLOCATION_BYTES = 8 * 1024 * 1024;

  private HadoopFreeReadOptions() {}

  /** Returns options that read every row group and page, with the given codecs. */
  static ParquetReadOptions create(CompressionCodecFactory codecs) {
    try {
      Constructor<ParquetReadOptions> constructor = ParquetReadOptions.class.getDeclaredConstructor(
          boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
          boolean.class, boolean.class, boolean.class,
          FilterCompat.Filter.class,
          ParquetMetadataConverter.MetadataFilter.class,
          CompressionCodecFactory.class,
          ByteBufferAllocator.class,
          int.class,
          Map.class,
          FileDecryptionProperties.class,
          ParquetMetricsCallback.class,
          ParquetConfiguration.class);
      constructor.setAccessible(true);
      return constructor.newInstance(
          false, // useSignedStringMinMax
          false, // useStatsFilter
          false, // useDictionaryFilter
          false, // useRecordFilter
          false, // useColumnIndexFilter
          true, // usePageChecksumVerification
          false, // useBloomFilter
          false, // useOffHeapDecryptBuffer
          false, // useHadoopVectoredIo
          FilterCompat.NOOP,
          ParquetMetadataConverter.NO_FILTER,
          codecs,
          new HeapByteBufferAllocator(),
          MAX_ALLOCATION_BYTES,
          new HashMap<String, String>(),
          null, // no decryption
          null, // no metrics callback
          new PlainParquetConfiguration());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot create Parquet read options without Hadoop; the private "
          + "ParquetReadOptions constructor this relies on may have changed in this Parquet version", e);
    }
  }
}
