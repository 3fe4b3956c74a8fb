package dev.gauntlet.reports.compare;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.reports.leaderboard.TaskMatrix.TaskKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which tasks two runs have in common. A task is shared when both ran it with the same content hash; a task both
 * ran with different contents changed and is not compared. A run's dataset fingerprint is the one its records
 * carry (schema 3 on; several datasets' joined by {@code +}), else, for older records, a hash of its tasks' ids
 * and content hashes ({@code tasks:} and 12 hex digits).
 *
 * @param baselineFingerprint  the baseline's dataset fingerprint
 * @param candidateFingerprint the candidate's
 * @param shared               tasks both ran with the same content, sorted
 * @param onlyBaseline         tasks only the baseline ran
 * @param onlyCandidate        tasks only the candidate ran
 * @param changed              tasks both ran, with different contents
 */
public record TaskOverlap(String baselineFingerprint, String candidateFingerprint, Set<TaskKey> shared, int onlyBaseline,
                          int onlyCandidate, int changed) {

    public TaskOverlap {
        shared = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(shared));
    }

    public static TaskOverlap of(List<TrialRecord> baseline, List<TrialRecord> candidate) {
        Map<TaskKey, String> base = hashes(baseline);
        Map<TaskKey, String> cand = hashes(candidate);
        Set<TaskKey> shared = new TreeSet<>();
        int changed = 0;
        for (Map.Entry<TaskKey, String> e : base.entrySet()) {
            String other = cand.get(e.getKey());
            if (e.getValue().equals(other)) {
                shared.add(e.getKey());
            } else if (other != null) {
                changed++;
            }
        }
        int both = shared.size() + changed;
        return new TaskOverlap(fingerprint(baseline, base), fingerprint(candidate, cand), shared, base.size() - both,
            cand.size() - both, changed);
    }

    /** Whether the runs ran exactly the same tasks with the same contents. */
    public boolean sameTasks() {
        return onlyBaseline == 0 && onlyCandidate == 0 && changed == 0;
    }

    /** Whether the comparison needs a warning: the fingerprints or the tasks differ. */
    public boolean needsWarning() {
        return !sameTasks() || !baselineFingerprint.equals(candidateFingerprint);
    }

    /** What differs and what the comparison leaves out, in one line. */
    public String warning() {
        return "warning: the runs' dataset fingerprints differ (" + baselineFingerprint + " vs " + candidateFingerprint + "): comparing the "
            + shared.size() + " task(s) both ran with the same content; " + onlyBaseline + " only in the baseline, " + onlyCandidate
            + " only in the candidate, " + changed + " with changed content";
    }

    private static Map<TaskKey, String> hashes(List<TrialRecord> trials) {
        Map<TaskKey, String> hashes = new TreeMap<>();
        trials.forEach(r -> hashes.put(TaskKey.of(r), r.taskHash()));
        return hashes;
    }

    private static String fingerprint(List<TrialRecord> trials, Map<TaskKey, String> tasks) {
        if (trials.stream().allMatch(r -> r.datasetFingerprint() != null)) {
            return String.join("+", new TreeSet<>(trials.stream().map(TrialRecord::datasetFingerprint).toList()));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            tasks.forEach((task, hash) -> sha.update((task.dataset() + '\u0000' + task.taskId() + '\u0000' + hash + '\n').getBytes(StandardCharsets.UTF_8)));
            return "tasks:" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
