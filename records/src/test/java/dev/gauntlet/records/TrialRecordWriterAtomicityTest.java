package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialRecordWriterAtomicityTest {

  @TempDir Path dir;

  @Test
  void successfulWriteLeavesOnlyThePart() throws IOException {
    Path part = TrialRecordWriter.writePart(dir, TestRecords.all());
    assertThat(fileNames()).containsExactly(part.getFileName().toString());
  }

  @Test
  void failedWriteLeavesNoPartAndNoTempFile() throws IOException {
    Path existing = TrialRecordWriter.writePart(dir, List.of(TestRecords.passed("t1")));
    // The writer throws midway, after the temporary file has been created and some rows written.
    List<TrialRecord> poisoned = Arrays.asList(TestRecords.passed("t2"), null, TestRecords.failed("t3"));

    assertThatThrownBy(() -> TrialRecordWriter.writePart(dir, poisoned))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("records[1]");
    assertThat(fileNames()).containsExactly(existing.getFileName().toString());
    assertThat(TrialRecordReader.readAll(dir)).containsExactly(TestRecords.passed("t1"));
  }

  @Test
  void createsMissingDirectory() throws IOException {
    Path nested = dir.resolve("a/b/run");
    TrialRecordWriter.writePart(nested, List.of(TestRecords.errored("t1")));
    assertThat(TrialRecordReader.readAll(nested)).containsExactly(TestRecords.errored("t1"));
  }

  @Test
  void failsWhenTheDirectoryIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> TrialRecordWriter.writePart(file, TestRecords.all()))
        .isInstanceOf(IOException.class);
    assertThat(fileNames()).containsExactly("not-a-dir");
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
