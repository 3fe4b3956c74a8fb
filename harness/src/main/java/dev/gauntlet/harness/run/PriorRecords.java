package dev.gauntlet.harness.run;

import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.StepRecordWriter;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialRecordWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The trials a run directory already holds as finished, made consistent for a resume: temporary files of part
 * writers a crash interrupted are deleted, records of cancelled trials are dropped (they run again), and so are
 * the steps of every trial without a finished record (it was in flight, or its record had not been written).
 *
 * @param finished      the finished trials' records
 * @param cancelled     records of cancelled trials dropped
 * @param orphanSteps   steps of unrecorded trials dropped
 */
record PriorRecords(List<TrialRecord> finished, int cancelled, int orphanSteps) {

    static PriorRecords load(RunDirectory dir) {
        try {
            dir.removeTempFiles();
            int cancelled = TrialRecordWriter.retain(dir.trials(), r -> r.errorKind() != ErrorKind.CANCELLED);
            List<TrialRecord> finished = TrialRecordReader.readAll(dir.trials());
            Set<String> ids = finished.stream().map(TrialRecord::trialId).collect(Collectors.toSet());
            int orphans = StepRecordWriter.retain(dir.steps(), step -> ids.contains(step.trialId()));
            return new PriorRecords(finished, cancelled, orphans);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the records of " + dir.root() + ": " + e.getMessage(), e);
        }
    }

    Set<String> trialIds() {
        return finished.stream().map(TrialRecord::trialId).collect(Collectors.toSet());
    }
}
