package dev.gauntlet.records.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.hadoop.ParquetWriter;

/** Adds part files to a directory atomically, for every {@link RecordFormat}. */
public final class PartWriter {

  private PartWriter() {}

  /**
   * Writes {@code records} to a new part file in {@code dir}, creating {@code dir} if needed. The part is written
   * under a hidden temporary name and then atomically renamed; on any failure the temporary file is deleted.
   *
   * @return the part file written
   * @throws NullPointerException if {@code records} or one of its elements is null
   * @throws IOException if the file cannot be written or renamed, or the file system cannot rename atomically
   */
  public static <T> Path writePart(Path dir, List<T> records, RecordFormat<T> format) throws IOException {
    Objects.requireNonNull(records, "records");
    Files.createDirectories(dir);
    String name = PartFiles.nextName(dir);
    Path temp = dir.resolve(PartFiles.tempName(name));
    try {
      try (ParquetWriter<T> writer = LocalParquetWriter.create(temp, format)) {
        for (int i = 0; i < records.size(); i++) {
          writer.write(Objects.requireNonNull(records.get(i), "records[" + i + "]"));
        }
      }
      return Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
