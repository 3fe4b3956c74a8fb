package dev.gauntlet.harness.cli;

import dev.gauntlet.harness.trial.KeepSnapshots;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.sandbox.SandboxNetwork;
import dev.gauntlet.sandbox.SandboxSpec;
import java.time.Duration;
import java.util.Map;

/** A trial's kept final filesystem, found by trial id, and sandboxes restored from it. */
final class KeptSnapshot {

    private KeptSnapshot() {
    }

    /** The snapshot reference; the error says how to keep one. */
    static String find(SandboxBackend backend, String trialId) {
        String reference = "gauntlet-snap:" + KeepSnapshots.name(trialId);
        if (backend.imageId(reference).isEmpty()) {
            throw new IllegalArgumentException("no snapshot was kept for trial " + trialId + " (" + reference
                + "); run with --keep-snapshots failed or all to keep them");
        }
        return reference;
    }

    static SandboxSpec spec(String reference, String runId, String trialId, boolean network, Duration lifetime) {
        return new SandboxSpec(reference, runId, trialId, network ? SandboxNetwork.ON : SandboxNetwork.NONE, SandboxSpec.DEFAULT_CPUS, SandboxSpec.DEFAULT_MEMORY_MB,
            SandboxSpec.DEFAULT_PIDS_LIMIT, Map.of(), null, lifetime);
    }
}
