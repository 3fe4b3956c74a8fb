package dev.gauntlet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialRecordWriter;
import dev.gauntlet.records.TrialStatus;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartSinkTest {

    @Test
    void aFlushFromAnInterruptedThreadStillWritesThePartAndKeepsTheInterrupt(@TempDir Path dir) throws Exception {
        PartSink<TrialRecord> sink = new PartSink<>(dir, TrialRecordWriter::writePart, 1000, Long.MAX_VALUE);
        sink.accept(ProgressTest.record(TrialStatus.PASSED));
        sink.accept(ProgressTest.record(TrialStatus.FAILED));
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread trial = Thread.ofVirtual().start(() -> {
            Thread.currentThread().interrupt(); // a cancelled run interrupts the trial thread that happens to flush
            sink.flush();
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        trial.join();
        assertThat(TrialRecordReader.readAll(dir)).extracting(TrialRecord::status)
            .containsExactlyInAnyOrder(TrialStatus.PASSED, TrialStatus.FAILED);
        assertThat(stillInterrupted).isTrue();
    }
}
