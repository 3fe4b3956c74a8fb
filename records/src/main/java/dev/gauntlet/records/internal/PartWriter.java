package dev.gauntlet.records.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
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
    return write(dir.resolve(PartFiles.nextName(dir)), records, format, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Keeps in {@code dir} only the rows {@code keep} accepts: each part holding others is replaced in one atomic
   * rename (readers see the old part or the new one, never both or neither), or deleted when nothing in it is
   * kept; parts with nothing to drop are left untouched.
   *
   * @return how many rows were dropped
   */
  public static <T> int retain(Path dir, RecordFormat<T> format, Predicate<T> keep) throws IOException {
    int dropped = 0;
    for (Path part : PartFiles.list(dir)) {
      List<T> rows = PartReader.read(part, format);
      List<T> kept = rows.stream().filter(keep).toList();
      if (kept.isEmpty()) {
        Files.delete(part);
      } else if (kept.size() < rows.size()) {
        write(part, kept, format, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      dropped += rows.size() - kept.size();
    }
    return dropped;
  }

  private static <T> Path write(Path part, List<T> records, RecordFormat<T> format, StandardCopyOption... move) throws IOException {
    Objects.requireNonNull(records, "records");
    Path temp = part.resolveSibling(PartFiles.tempName(part.getFileName().toString()));
    try {
      try (ParquetWriter<T> writer = LocalParquetWriter.create(temp, format)) {
        for (int i = 0; i < records.size(); i++) {
          writer.write(Objects.requireNonNull(records.get(i), "records[" + i + "]"));
        }
      }
      return Files.move(temp, part, move);
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
