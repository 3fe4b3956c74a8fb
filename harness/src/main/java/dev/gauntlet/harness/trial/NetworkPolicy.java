package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.NetworkMode;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.sandbox.SandboxNetwork;

/**
 * Who decides whether a sandbox reaches the network ({@code --network}).
 *
 * <ul>
 *   <li>{@code task} (default): the agent phase has network only when the task's {@code network_mode} is
 *       {@code public}; the verifier phase follows {@code [verifier] network_mode}, else has network unless
 *       the task says {@code no-network} (the agent's processes are gone by then).</li>
 *   <li>{@code public}: both phases have network.</li>
 *   <li>{@code none}: neither has.</li>
 * </ul>
 * An {@code allowlist} task gets no network: host allowlists are not enforced yet, and Gauntlet will not
 * widen them to the whole internet.
 */
public enum NetworkPolicy {
    TASK, PUBLIC, NONE;

    public boolean agentNetwork(Task task) {
        return switch (this) {
            case PUBLIC -> true;
            case NONE -> false;
            case TASK -> task.environment().networkMode() == NetworkMode.PUBLIC;
        };
    }

    /**
     * The network a trial's sandbox starts with: on when the agent has it, off (given later) when only the verifier
     * has it, else none at all, which the engine starts fastest.
     */
    public SandboxNetwork sandboxNetwork(Task task) {
        return agentNetwork(task) ? SandboxNetwork.ON : verifierNetwork(task) ? SandboxNetwork.OFF : SandboxNetwork.NONE;
    }

    public boolean verifierNetwork(Task task) {
        return switch (this) {
            case PUBLIC -> true;
            case NONE -> false;
            case TASK -> task.verifier().network() != null ? task.verifier().network()
                : task.environment().networkMode() != NetworkMode.NO_NETWORK
                    && task.environment().networkMode() != NetworkMode.ALLOWLIST;
        };
    }
}
