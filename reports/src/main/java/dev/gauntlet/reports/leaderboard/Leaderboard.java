package dev.gauntlet.reports.leaderboard;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.reports.Contender;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.metrics.MetricOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Contenders ranked by score, from one or more runs, with the task matrix and the options the figures were
 * computed with. A run of one agent and model is a leaderboard of one.
 *
 * @param runs      the runs, in the order given
 * @param standings one per contender, best score first (a contender without a score last), ties in run order
 * @param matrix    tasks by contenders, columns in standing order
 * @param options   how metrics were computed
 */
public record Leaderboard(List<RunRecords> runs, List<Standing> standings, TaskMatrix matrix, MetricOptions options) {

    public Leaderboard {
        runs = List.copyOf(runs);
        standings = List.copyOf(standings);
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(options, "options");
    }

    /** Ranks the contenders of {@code runs}. */
    public static Leaderboard of(List<RunRecords> runs, MetricOptions options) {
        Map<Contender, List<TrialRecord>> byContender = new LinkedHashMap<>();
        for (RunRecords run : runs) {
            for (TrialRecord r : run.trials()) {
                byContender.computeIfAbsent(Contender.of(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Standing> standings = new ArrayList<>();
        byContender.forEach((contender, trials) -> standings.add(Standing.of(labelled(contender, byContender.keySet()), trials, options)));
        standings.sort(Comparator.comparingDouble(Leaderboard::rankingScore).reversed());
        return new Leaderboard(runs, standings, TaskMatrix.of(standings), options);
    }

    /** The most attempts any contender made at a task: pass@k curves make sense past 1. */
    public int maxAttempts() {
        return matrix.cells().stream().flatMap(List::stream).mapToInt(TaskMatrix.Cell::attempts).max().orElse(0);
    }

    private static double rankingScore(Standing s) {
        double mean = s.score().mean();
        return Double.isNaN(mean) ? Double.NEGATIVE_INFINITY : mean;
    }

    /** Two runs of the same agent and model are told apart by run id. */
    private static Contender labelled(Contender contender, Iterable<Contender> all) {
        int same = 0;
        for (Contender other : all) {
            if (other.label().equals(contender.label())) {
                same++;
            }
        }
        return same > 1 ? contender.withRunInLabel() : contender;
    }
}
