package dev.gauntlet.reports.metrics;

import dev.gauntlet.records.TrialRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's metrics, from its records alone: per (agent, model), per task, and per value of each task metadata field
 * that groups tasks ({@link #groupingFields}).
 *
 * @param options      how they were computed
 * @param byAgentModel per (agent, model)
 * @param byTask       per task id
 * @param byMetadata   per metadata field, per value
 */
public record RunMetrics(MetricOptions options, SortedMap<AgentModel, Metrics> byAgentModel, SortedMap<String, Metrics> byTask,
                         SortedMap<String, SortedMap<String, Metrics>> byMetadata) {

    /** Values longer than this are descriptions, not groups. */
    static final int MAX_GROUP_VALUE_LENGTH = 40;
    /** Fields with more distinct values than this are not grouped by. */
    static final int MAX_GROUPS = 12;

    public RunMetrics {
        Objects.requireNonNull(options, "options");
    }

    public static RunMetrics of(List<TrialRecord> records, MetricOptions options) {
        SortedMap<String, SortedMap<String, Metrics>> byMetadata = new TreeMap<>();
        for (String field : groupingFields(records)) {
            byMetadata.put(field, GroupedMetrics.byMetadata(records, field, options));
        }
        return new RunMetrics(options, GroupedMetrics.byAgentModel(records, options), GroupedMetrics.byTask(records, options),
            byMetadata);
    }

    /**
     * The metadata fields worth grouping by: at least two distinct values and fewer than the tasks that have the
     * field (so a group holds more than one task), at most {@value #MAX_GROUPS} of them, each short and not a JSON
     * list or object ({@code difficulty} and {@code category}, not {@code tags} or {@code description}).
     */
    public static List<String> groupingFields(List<TrialRecord> records) {
        return GroupedMetrics.metadataFields(records).stream().filter(field -> {
            Set<String> values = new HashSet<>();
            Set<String> tasks = new HashSet<>();
            for (TrialRecord r : records) {
                String value = r.metadata().get(field);
                if (value != null) {
                    if (value.length() > MAX_GROUP_VALUE_LENGTH || value.startsWith("[") || value.startsWith("{")) {
                        return false;
                    }
                    values.add(value);
                    tasks.add(r.dataset() + "\u0000" + r.taskId());
                }
            }
            return values.size() >= 2 && values.size() <= MAX_GROUPS && values.size() < tasks.size();
        }).toList();
    }
}
