package dev.gauntlet.reports;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one engine ({@link TrialRecord#sandboxHost()}) did in a run: its trials by outcome and their phase latencies.
 * A trial retried on another engine counts where its last run was.
 *
 * @param trials    trials it ran
 * @param passed    of them passed
 * @param failed    failed
 * @param errors    ended in an error
 * @param latencies percentiles of their phases
 */
public record EngineLine(int trials, int passed, int failed, int errors, PhaseLatencies latencies) {

    /** Trials that never got a sandbox, so no engine ran them. */
    public static final String NONE = "(no sandbox)";

    /** Per engine address, sorted; trials without a sandbox under {@link #NONE}. */
    public static Map<String, EngineLine> of(List<TrialRecord> records) {
        Map<String, List<TrialRecord>> byHost = new TreeMap<>();
        for (TrialRecord r : records) {
            byHost.computeIfAbsent(r.sandboxHost() == null ? NONE : r.sandboxHost(), h -> new ArrayList<>()).add(r);
        }
        Map<String, EngineLine> lines = new TreeMap<>();
        byHost.forEach((host, list) -> lines.put(host, new EngineLine(list.size(), count(list, TrialStatus.PASSED),
            count(list, TrialStatus.FAILED), count(list, TrialStatus.ERROR), PhaseLatencies.of(list))));
        return lines;
    }

    private static int count(List<TrialRecord> records, TrialStatus status) {
        return (int) records.stream().filter(r -> r.status() == status).count();
    }
}
