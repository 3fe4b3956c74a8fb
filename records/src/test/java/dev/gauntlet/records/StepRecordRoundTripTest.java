package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRecordRoundTripTest {

  @TempDir Path dir;

  @Test
  void recordsRoundTripAcrossParts() throws IOException {
    List<StepRecord> first = TestSteps.all().subList(0, 3);
    List<StepRecord> second = TestSteps.all().subList(3, 5);
    Path part0 = StepRecordWriter.writePart(dir.resolve("steps"), first);
    Path part1 = StepRecordWriter.writePart(dir.resolve("steps"), second);

    assertThat(part0.getFileName().toString()).matches("part-00000-[0-9a-f]{8}\\.parquet");
    assertThat(part1.getFileName().toString()).matches("part-00001-[0-9a-f]{8}\\.parquet");
    assertThat(StepRecordReader.read(part1)).containsExactlyElementsOf(second);
    assertThat(StepRecordReader.readAll(dir.resolve("steps"))).containsExactlyElementsOf(TestSteps.all());
    List<StepRecord> streamed = new java.util.ArrayList<>();
    StepRecordReader.forEach(dir.resolve("steps"), streamed::add);
    assertThat(streamed).containsExactlyElementsOf(TestSteps.all());
  }

  @Test
  void nullsUnicodeAndCappedOutputSurvive() throws IOException {
    StepRecord formatError = TestSteps.formatError("t1", 2);
    StepRecord longOutput = TestSteps.longOutput("t2", 1);
    Path part = StepRecordWriter.writePart(dir, List.of(formatError, longOutput));

    List<StepRecord> read = StepRecordReader.read(part);
    assertThat(read.get(0).command()).isNull();
    assertThat(read.get(0).exitCode()).isNull();
    assertThat(read.get(0).output()).isNull();
    assertThat(read.get(0).error()).isEqualTo(formatError.error());
    assertThat(read.get(1).output()).hasSize(longOutput.output().length())
        .isEqualTo(longOutput.output())
        .startsWith("y😀\ny😀\n").endsWith("y😀\nend").contains(" chars omitted ...]\n");
    assertThat(read.get(1).output().length()).isLessThanOrEqualTo(StepRecord.MAX_OUTPUT_CHARS);
  }

  @Test
  void emptyPartHoldsNoRecords() throws IOException {
    Path part = StepRecordWriter.writePart(dir, List.of());
    assertThat(StepRecordReader.read(part)).isEmpty();
  }

  @Test
  void failedWriteLeavesNoPartAndNoTempFile() throws IOException {
    Path existing = StepRecordWriter.writePart(dir, List.of(TestSteps.command("t1", 1)));
    List<StepRecord> poisoned = Arrays.asList(TestSteps.command("t1", 2), null);

    assertThatThrownBy(() -> StepRecordWriter.writePart(dir, poisoned))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("records[1]");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(Path::getFileName).map(Path::toString))
          .containsExactly(existing.getFileName().toString());
    }
    assertThat(StepRecordReader.readAll(dir)).containsExactly(TestSteps.command("t1", 1));
  }

  @Test
  void refusesNewerSchemaVersion() throws IOException {
    String newer = String.valueOf(StepRecord.SCHEMA_VERSION + 1);
    Path file = ForeignFiles.write(dir, Map.of(StepSchema.VERSION_KEY, newer));
    assertThatThrownBy(() -> StepRecordReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("step-record schema version " + newer);
  }

  @Test
  void refusesTrialFile() throws IOException {
    Path file = TrialRecordWriter.writePart(dir, TestRecords.all());
    assertThatThrownBy(() -> StepRecordReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a step-record file")
        .hasMessageContaining(StepSchema.VERSION_KEY);
  }
}
