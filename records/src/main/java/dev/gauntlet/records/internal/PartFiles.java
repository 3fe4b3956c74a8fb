package dev.gauntlet.records.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of part files: {@code part-<5-digit sequence>-<8 random hex digits>.parquet}. The random suffix keeps
 * writers that pick the same sequence number at once from overwriting each other.
 */
public final class PartFiles {

  private static final Pattern PART = Pattern.compile("part-(\\d{5,})-[0-9a-f]{8}\\.parquet");

  private PartFiles() {}

  /** Returns the part files in {@code dir}, sorted by name; hidden and temporary files are not parts. */
  public static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> PART.matcher(f.getFileName().toString()).matches()).sorted().toList();
    }
  }

  /** Returns a fresh name for the part after the highest-numbered one in {@code dir}. */
  public static String nextName(Path dir) throws IOException {
    int next = 0;
    for (Path part : list(dir)) {
      Matcher m = PART.matcher(part.getFileName().toString());
      if (m.matches()) {
        next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
      }
    }
    byte[] suffix = new byte[4];
    ThreadLocalRandom.current().nextBytes(suffix);
    return String.format("part-%05d-%s.parquet", next, HexFormat.of().formatHex(suffix));
  }

  /** Returns the hidden temporary name under which part {@code name} is written before it is moved in place. */
  public static String tempName(String name) {
    return "." + name + ".tmp";
  }
}
