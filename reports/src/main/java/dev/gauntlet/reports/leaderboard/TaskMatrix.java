package dev.gauntlet.reports.leaderboard;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tasks by contenders: for every task any contender ran, how each contender's attempts at it ended.
 *
 * @param tasks    the tasks, sorted by dataset and id
 * @param cells    per task (in {@code tasks} order), one cell per standing (in leaderboard order)
 */
public record TaskMatrix(List<TaskKey> tasks, List<List<Cell>> cells) {

    /** A task: its dataset and id. */
    public record TaskKey(String dataset, String taskId) implements Comparable<TaskKey> {
        public static TaskKey of(TrialRecord r) {
            return new TaskKey(r.dataset(), r.taskId());
        }

        @Override
        public int compareTo(TaskKey o) {
            int byDataset = dataset.compareTo(o.dataset);
            return byDataset != 0 ? byDataset : taskId.compareTo(o.taskId);
        }
    }

    /** How one contender's attempts at one task ended. */
    public record Cell(int passed, int failed, int errors) {

        public static final Cell NOT_RUN = new Cell(0, 0, 0);

        public int attempts() {
            return passed + failed + errors;
        }

        /**
         * {@code pass} when every attempt passed, {@code error} when every one errored, {@code fail} when none
         * passed, {@code mixed} otherwise, {@code none} when the task was not run.
         */
        public String outcome() {
            if (attempts() == 0) {
                return "none";
            }
            if (passed == attempts()) {
                return "pass";
            }
            if (errors == attempts()) {
                return "error";
            }
            return passed == 0 ? "fail" : "mixed";
        }

        Cell plus(TrialStatus status) {
            return new Cell(passed + (status == TrialStatus.PASSED ? 1 : 0), failed + (status == TrialStatus.FAILED ? 1 : 0),
                errors + (status == TrialStatus.ERROR ? 1 : 0));
        }
    }

    public TaskMatrix {
        tasks = List.copyOf(tasks);
        cells = cells.stream().map(List::copyOf).toList();
    }

    /** The matrix of {@code standings}, its columns in their order. */
    public static TaskMatrix of(List<Standing> standings) {
        Map<TaskKey, List<Cell>> rows = new TreeMap<>();
        for (int column = 0; column < standings.size(); column++) {
            for (TrialRecord r : standings.get(column).trials()) {
                List<Cell> row = rows.computeIfAbsent(TaskKey.of(r), k -> new ArrayList<>(Collections.nCopies(standings.size(), Cell.NOT_RUN)));
                row.set(column, row.get(column).plus(r.status()));
            }
        }
        return new TaskMatrix(new ArrayList<>(rows.keySet()), new ArrayList<>(rows.values()));
    }

    /** The tasks no contender passed in any attempt. */
    public List<TaskKey> passedByNone() {
        List<TaskKey> none = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (cells.get(i).stream().allMatch(c -> c.passed() == 0)) {
                none.add(tasks.get(i));
            }
        }
        return none;
    }
}
