package dev.gauntlet.sandbox;

/** Whether a sandbox reaches the network, now or later. */
public enum SandboxNetwork {
    /** No network, and none can be given later: the cheapest sandbox to start. Loopback works. */
    NONE,
    /** No network until {@link Sandbox#setNetwork} gives it (a verifier that needs what the agent may not have). */
    OFF,
    /** Network from the start. */
    ON
}
