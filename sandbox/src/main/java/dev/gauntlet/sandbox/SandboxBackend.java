package dev.gauntlet.sandbox;

/**
 * Makes images and sandboxes on one kind of infrastructure.
 *
 * <p>Implementations are thread-safe: many trials call them at once.
 */
public interface SandboxBackend extends AutoCloseable {

    /**
     * Makes sure the image exists, building or pulling it at most once however many callers ask at once.
     *
     * @return the image reference to create sandboxes from
     * @throws SandboxException when the image cannot be built or found; the message says why (build log tail)
     */
    String ensureImage(ImageSpec spec);

    /** The immutable id of an image on the backend, empty when it has no such image. */
    java.util.Optional<String> imageId(String reference);

    /** Creates and starts a sandbox. */
    Sandbox create(SandboxSpec spec);

    /**
     * Removes the sandboxes of one run, or with {@code runId == null} those whose owning process is gone.
     *
     * @return how many were removed
     */
    int removeSandboxes(String runId);

    /** Removes the snapshot {@code gauntlet-snap:NAME} if it exists. */
    void removeSnapshot(String name);

    /**
     * Removes snapshots older than {@code maxAge}, then the oldest until those left take at most
     * {@code maxBytes}; snapshots named in {@code keep} stay.
     *
     * @return how many were removed
     */
    int removeSnapshots(java.time.Duration maxAge, long maxBytes, java.util.Set<String> keep);

    /** Where the sandboxes run, as the user would name it (for Docker, the engine's address). */
    String host();

    /** Whether the backend answers now; may block on a dead connection, so callers bound the wait. */
    boolean answers();

    /** How many sandboxes it holds at most when the user does not say: from its memory and CPUs. */
    int defaultCapacity();

    @Override
    void close();
}
