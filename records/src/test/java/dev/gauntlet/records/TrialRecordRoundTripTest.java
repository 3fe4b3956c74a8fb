package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialRecordRoundTripTest {

  @TempDir Path dir;

  @Test
  void hadoopIsAbsentFromTheTestClasspath() {
    // Surefire excludes hadoop-common, so every test here proves Hadoop is not needed at run time.
    assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void recordsRoundTripAcrossParts() throws IOException {
    List<TrialRecord> first = List.of(TestRecords.passed("t1"), TestRecords.errored("t2"));
    List<TrialRecord> second = List.of(TestRecords.failed("t3"));
    Path part0 = TrialRecordWriter.writePart(dir.resolve("run"), first);
    Path part1 = TrialRecordWriter.writePart(dir.resolve("run"), second);

    assertThat(part0.getFileName().toString()).matches("part-00000-[0-9a-f]{8}\\.parquet");
    assertThat(part1.getFileName().toString()).matches("part-00001-[0-9a-f]{8}\\.parquet");
    assertThat(TrialRecordReader.read(part1)).containsExactlyElementsOf(second);
    assertThat(TrialRecordReader.readAll(dir.resolve("run")))
        .containsExactly(first.get(0), first.get(1), second.get(0));
  }

  @Test
  void sandboxHostRoundTripsWhetherSetOrNot() throws IOException {
    List<TrialRecord> records = List.of(
        TestRecords.passed("t1"),
        TestRecords.failed("t2").withSandboxHost("tcp://10.0.0.5:2376"),
        TestRecords.passed("t3").withSandboxHost(null),
        TestRecords.errored("t4"));
    Path part = TrialRecordWriter.writePart(dir, records);

    List<TrialRecord> read = TrialRecordReader.read(part);

    assertThat(read).containsExactlyElementsOf(records);
    assertThat(read).extracting(TrialRecord::sandboxHost)
        .containsExactly("unix:///var/run/docker.sock", "tcp://10.0.0.5:2376", null, null);
  }

  @Test
  void readAllIgnoresHiddenAndForeignFiles() throws IOException {
    TrialRecordWriter.writePart(dir, List.of(TestRecords.passed("t1")));
    Files.writeString(dir.resolve(".part-00005-00000000.parquet.tmp"), "half written");
    Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThat(TrialRecordReader.readAll(dir)).containsExactly(TestRecords.passed("t1"));
  }

  @Test
  void emptyPartHoldsNoRecords() throws IOException {
    Path part = TrialRecordWriter.writePart(dir, List.of());
    assertThat(TrialRecordReader.read(part)).isEmpty();
  }

  @Test
  void refusesNewerSchemaVersion() throws IOException {
    Path file = ForeignFiles.write(dir, Map.of(TrialSchema.VERSION_KEY, "5"));
    assertThatThrownBy(() -> TrialRecordReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schema version 5");
  }

  @Test
  void refusesStepFile() throws IOException {
    Path file = StepRecordWriter.writePart(dir, TestSteps.all());
    assertThatThrownBy(() -> TrialRecordReader.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a trial-record file");
  }

  @Test
  void refusesFileWithoutSchemaVersion() throws IOException {
    Path file = ForeignFiles.write(dir, Map.of());
    assertThatThrownBy(() -> TrialRecordReader.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining(TrialSchema.VERSION_KEY);
  }
}
