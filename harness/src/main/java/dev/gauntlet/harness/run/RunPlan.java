package dev.gauntlet.harness.run;

import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.trial.TrialSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Plans a run's trials: every task × attempt, attempts interleaved so one task's trials spread over the run. */
public final class RunPlan {

    private RunPlan() {
    }

    public static List<TrialSpec> plan(String runId, List<Dataset> datasets, String agent, String model, int attempts) {
        List<TrialSpec> trials = new ArrayList<>();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            for (Dataset dataset : datasets) {
                for (Task task : dataset.tasks()) {
                    trials.add(new TrialSpec(runId, trialId(task, agent, model, attempt), dataset.name(), task, agent, model, attempt,
                        dataset.fingerprint()));
                }
            }
        }
        return trials;
    }

    /**
     * A trial's identity: a hash of the task's id and content hash, the agent, the model and the attempt,
     * and of nothing incidental (paths, ports, times), so the same trial gets the same id in every run.
     */
    public static String trialId(Task task, String agent, String model, int attempt) {
        return trialId(task.id(), task.contentHash(), agent, model, attempt);
    }

    /** {@link #trialId(Task, String, String, int)} from a task's id and content hash. */
    public static String trialId(String taskId, String contentHash, String agent, String model, int attempt) {
        String identity = String.join("\u0000", "task=" + taskId, "content=" + contentHash,
            "agent=" + agent, "model=" + (model == null ? "" : model), "attempt=" + attempt);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
