package dev.gauntlet.reports.metrics;

import dev.gauntlet.records.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** {@link Metrics} per group of records: per (agent, model), per task, per value of a metadata field. */
public final class GroupedMetrics {

    private GroupedMetrics() {
    }

    /** Metrics per (agent, model). */
    public static SortedMap<AgentModel, Metrics> byAgentModel(List<TrialRecord> records, MetricOptions options) {
        return by(records, r -> new AgentModel(r.agent(), r.model()), options);
    }

    /** Metrics per task id, over every agent and model that ran it. */
    public static SortedMap<String, Metrics> byTask(List<TrialRecord> records, MetricOptions options) {
        return by(records, TrialRecord::taskId, options);
    }

    /**
     * Metrics per value of the task metadata field {@code field} (e.g. {@code difficulty}); records whose task has
     * no such field are left out.
     */
    public static SortedMap<String, Metrics> byMetadata(List<TrialRecord> records, String field, MetricOptions options) {
        return by(records, r -> r.metadata().get(field), options);
    }

    /** The metadata fields that any record's task has, sorted. */
    public static SortedSet<String> metadataFields(List<TrialRecord> records) {
        SortedSet<String> fields = new TreeSet<>();
        records.forEach(r -> fields.addAll(r.metadata().keySet()));
        return fields;
    }

    /**
     * Metrics per value of {@code key}; records for which it returns {@code null} are left out.
     */
    public static <K extends Comparable<? super K>> SortedMap<K, Metrics> by(List<TrialRecord> records,
                                                                           Function<TrialRecord, K> key,
                                                                           MetricOptions options) {
        SortedMap<K, List<TrialRecord>> groups = new TreeMap<>();
        for (TrialRecord r : records) {
            K k = key.apply(r);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        SortedMap<K, Metrics> metrics = new TreeMap<>();
        for (Map.Entry<K, List<TrialRecord>> group : groups.entrySet()) {
            metrics.put(group.getKey(), Metrics.of(group.getValue(), options));
        }
        return metrics;
    }
}
