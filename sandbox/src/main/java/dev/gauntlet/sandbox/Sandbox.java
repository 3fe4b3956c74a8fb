package dev.gauntlet.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One isolated machine, used by exactly one trial and removed by {@link #close()}.
 *
 * <p>Methods throw {@link SandboxException} when the infrastructure fails (the sandbox is gone, the engine
 * does not answer); a command that fails is an {@link ExecResult}, not an exception.
 */
public interface Sandbox extends AutoCloseable {

    /** The backend's id of this sandbox (a container id for Docker). */
    String id();

    /** Runs a shell command and waits for it, at most the request's timeout. */
    ExecResult exec(ExecRequest request);

    /** Copies the contents of a host directory into {@code targetDir} (created if missing) in the sandbox. */
    void copyIn(Path hostDir, String targetDir);

    /**
     * Copies a directory (or file) of the sandbox into {@code hostDir}, at most {@code maxBytes} in all; files past
     * the limit are left out. Returns false when {@code path} does not exist.
     */
    boolean copyOut(String path, Path hostDir, long maxBytes);

    /**
     * Writes a text file of the sandbox as root, creating its parent directories, replacing any file of that path.
     *
     * @throws SandboxException when it cannot be written; the message names the path
     */
    default void writeFile(String path, String content) {
        int slash = path.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : path.substring(0, slash);
        ExecResult result = exec(ExecRequest.of("mkdir -p " + ShellQuoting.quote(parent) + " && printf '%s' "
            + ShellQuoting.quote(content) + " > " + ShellQuoting.quote(path), java.time.Duration.ofSeconds(60)).withUser("0"));
        if (!(result instanceof ExecResult.Completed done) || done.exitCode() != 0) {
            throw new SandboxException("cannot write " + path + " in sandbox " + id() + ": " + result.output());
        }
    }

    /** Reads a file of the sandbox, empty when it does not exist; at most {@code maxBytes} are returned. */
    Optional<byte[]> readFile(String path, int maxBytes);

    /**
     * Kills every process in the sandbox except its own first one, including the shells of its sessions
     * (new ones start on the next command), so nothing started before can act after.
     */
    void stopProcesses();

    /**
     * Saves this sandbox's filesystem (not its processes) as the snapshot image {@code gauntlet-snap:NAME},
     * replacing one of that name, and returns its reference; sandboxes created from it start from that state.
     */
    String snapshot(String name);

    /**
     * Connects the sandbox to the network or cuts it off. A sandbox made with {@link SandboxNetwork#NONE} cannot be
     * connected: that throws a {@link SandboxException}.
     */
    void setNetwork(boolean enabled);

    /** Removes the sandbox. Idempotent; never throws for a sandbox that is already gone. */
    @Override
    void close();
}
