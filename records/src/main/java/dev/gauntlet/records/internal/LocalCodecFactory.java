package dev.gauntlet.records.internal;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * A codec factory for ZSTD, SNAPPY and UNCOMPRESSED pages that calls zstd-jni and snappy-java directly, where
 * Parquet's own {@code CodecFactory} goes through Hadoop's codec classes. Codecs are stateless, so one instance
 * serves any number of threads.
 */
public final class LocalCodecFactory implements CompressionCodecFactory {

  /** The ZSTD level used for writing: zstd's default, a good balance of speed and size. */
  private static final int ZSTD_LEVEL = 3;

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
    return new Codec(codecName);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
    return new Codec(codecName);
  }

  @Override
  public void release() {}

  private static final class Codec implements BytesInputCompressor, BytesInputDecompressor {
    private final CompressionCodecName name;

    Codec(CompressionCodecName name) {
      switch (name) {
        case ZSTD, SNAPPY, UNCOMPRESSED -> this.name = name;
        default -> throw new UnsupportedOperationException(
            "Parquet codec " + name + " is not supported; supported: ZSTD, SNAPPY, UNCOMPRESSED");
      }
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      return switch (name) {
        case ZSTD -> BytesInput.from(Zstd.compress(toArray(bytes), ZSTD_LEVEL));
        case SNAPPY -> BytesInput.from(Snappy.compress(toArray(bytes)));
        default -> bytes;
      };
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      return BytesInput.from(decompress(toArray(bytes), decompressedSize));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.get(compressed);
      output.put(decompress(compressed, decompressedSize));
    }

    private byte[] decompress(byte[] compressed, int decompressedSize) throws IOException {
      byte[] result = switch (name) {
        case ZSTD -> Zstd.decompress(compressed, decompressedSize);
        case SNAPPY -> Snappy.uncompress(compressed);
        default -> compressed;
      };
      if (result.length != decompressedSize) {
        throw new IOException(
            name + " page decompressed to " + result.length + " bytes, expected " + decompressedSize);
      }
      return result;
    }

    private static byte[] toArray(BytesInput bytes) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(bytes.size()));
      bytes.writeAllTo(out);
      return out.toByteArray();
    }

    @Override
    public CompressionCodecName getCodecName() {
      return name;
    }

    @Override
    public void release() {}
  }
}
