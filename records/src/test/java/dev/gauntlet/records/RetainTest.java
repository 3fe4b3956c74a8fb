package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropping rows from part files in place, as a resume does. */
class RetainTest {

  @TempDir Path dir;

  @Test
  void dropsOnlyWhatIsNotKeptAndDeletesPartsLeftEmpty() throws IOException {
    Path mixed = TrialRecordWriter.writePart(dir, List.of(TestRecords.passed("a"), TestRecords.errored("b")));
    Path untouched = TrialRecordWriter.writePart(dir, List.of(TestRecords.passed("c")));
    Path dropped = TrialRecordWriter.writePart(dir, List.of(TestRecords.errored("d")));
    long untouchedModified = Files.getLastModifiedTime(untouched).toMillis();

    int removed = TrialRecordWriter.retain(dir, r -> r.status() != TrialStatus.ERROR);

    assertThat(removed).isEqualTo(2);
    assertThat(TrialRecordReader.readAll(dir)).extracting(TrialRecord::trialId).containsExactly("a", "c");
    assertThat(mixed).as("replaced under its own name").exists();
    assertThat(dropped).doesNotExist();
    assertThat(Files.getLastModifiedTime(untouched).toMillis()).isEqualTo(untouchedModified);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left").allMatch(n -> n.endsWith(".parquet"));
    }
  }

  @Test
  void stepsOfUnrecordedTrialsAreDropped() throws IOException {
    StepRecordWriter.writePart(dir, List.of(TestSteps.command("kept", 1), TestSteps.command("orphan", 1), TestSteps.command("kept", 2)));

    assertThat(StepRecordWriter.retain(dir, s -> s.trialId().equals("kept"))).isEqualTo(1);
    assertThat(StepRecordReader.readAll(dir)).extracting(StepRecord::step).containsExactly(1, 2);
    assertThat(StepRecordWriter.retain(dir, s -> s.trialId().equals("kept"))).as("a second pass changes nothing").isZero();
  }
}
