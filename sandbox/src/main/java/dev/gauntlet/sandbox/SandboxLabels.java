package dev.gauntlet.sandbox;

/** Labels on every sandbox and image Gauntlet makes. */
public final class SandboxLabels {

    /** Present on everything Gauntlet makes; the value says what it is ({@code sandbox}, {@code environment}). */
    public static final String OWNER = "dev.gauntlet";
    /** The run a sandbox belongs to. */
    public static final String RUN = "dev.gauntlet.run";
    /** The trial a sandbox belongs to. */
    public static final String TRIAL = "dev.gauntlet.trial";
    /** {@code host:pid} of the process that made the sandbox, to tell a crashed run's sandboxes from a live one's. */
    public static final String PROCESS = "dev.gauntlet.process";
    /** The task an environment image was built for. */
    public static final String TASK = "dev.gauntlet.task";

    private SandboxLabels() {
    }
}
