package dev.gauntlet.reports.output;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.leaderboard.TaskMatrix.TaskKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every trial of a leaderboard numbered once, as the HTML report's script refers to them. Trial ids repeat across
 * runs (the same trial has the same id in every run), so a trial is found by run id and trial id.
 */
final class TrialIndex {

    private final List<TrialRecord> trials = new ArrayList<>();
    private final List<Integer> contenders = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<TaskKey, Integer> taskNumbers = new HashMap<>();

    TrialIndex(Leaderboard board) {
        for (int t = 0; t < board.matrix().tasks().size(); t++) {
            taskNumbers.put(board.matrix().tasks().get(t), t);
        }
        for (int c = 0; c < board.standings().size(); c++) {
            for (TrialRecord r : board.standings().get(c).trials()) {
                byKey.put(key(r.runId(), r.trialId()), trials.size());
                trials.add(r);
                contenders.add(c);
            }
        }
    }

    int size() {
        return trials.size();
    }

    TrialRecord trial(int index) {
        return trials.get(index);
    }

    int contender(int index) {
        return contenders.get(index);
    }

    int task(int index) {
        return taskNumbers.get(TaskKey.of(trials.get(index)));
    }

    /** The number of the trial, or -1 if no trial of the leaderboard has this id in this run. */
    int find(String runId, String trialId) {
        return byKey.getOrDefault(key(runId, trialId), -1);
    }

    private static String key(String runId, String trialId) {
        return runId + '\u0000' + trialId;
    }
}
