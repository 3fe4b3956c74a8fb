package dev.gauntlet.reports.leaderboard;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.reports.metrics.Estimate;
import dev.gauntlet.reports.metrics.GroupedMetrics;
import dev.gauntlet.reports.metrics.Metrics;
import dev.gauntlet.reports.metrics.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each contender's score per group of tasks, for every task metadata field that groups them ({@code difficulty},
 * {@code category}: {@link RunMetrics#groupingFields}), so a leaderboard shows where a model is strong or weak.
 *
 * @param field  the metadata field
 * @param values its values, sorted
 * @param scores per value (in {@code values} order), one score per standing (in leaderboard order); a contender
 *               without tasks in a group has {@link Estimate#NONE}
 */
public record GroupScores(String field, List<String> values, List<List<Estimate>> scores) {

    public GroupScores {
        values = List.copyOf(values);
        scores = scores.stream().map(List::copyOf).toList();
    }

    /** The group scores of {@code board}'s contenders, one per grouping field of all their trials. */
    public static List<GroupScores> of(Leaderboard board) {
        List<TrialRecord> all = board.standings().stream().flatMap(s -> s.trials().stream()).toList();
        List<GroupScores> groups = new ArrayList<>();
        for (String field : RunMetrics.groupingFields(all)) {
            List<SortedMap<String, Metrics>> perStanding = board.standings().stream()
                .map(s -> GroupedMetrics.byMetadata(s.trials(), field, board.options())).toList();
            SortedSet<String> values = new TreeSet<>();
            perStanding.forEach(m -> values.addAll(m.keySet()));
            List<List<Estimate>> scores = new ArrayList<>();
            for (String value : values) {
                scores.add(perStanding.stream().map(m -> m.containsKey(value) ? m.get(value).meanReward() : Estimate.NONE).toList());
            }
            groups.add(new GroupScores(field, new ArrayList<>(values), scores));
        }
        return groups;
    }

    /** Value to scores, in order. */
    public Map<String, List<Estimate>> byValue() {
        Map<String, List<Estimate>> map = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            map.put(values.get(i), scores.get(i));
        }
        return map;
    }
}
