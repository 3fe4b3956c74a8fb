package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxNetwork;
import dev.gauntlet.sandbox.internal.Tars;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running container; commands go through long-lived shell sessions, one per user. */
final class DockerSandbox implements Sandbox {

    private static final String NETWORK = "bridge";

    private final DockerClient client;
    private final EngineEndpoint engine;
    private final Map<String, ShellSession> sessions = new HashMap<>();
    private final String id;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean rootByDefault;
    private final boolean networkable;
    private volatile boolean networked;
    /** Whether the shell the container's first process started is still to be taken by a session. */
    private boolean firstShellFree = true;
    private final String firstShellEnd;
    private final java.util.function.Consumer<String> remove;

    /**
     * @param rootByDefault whether the image's default user is root, so a request without a user shares the root
     *                      session ({@value #ROOT}) instead of opening a second shell as the same user
     * @param remove        kills and removes a container by id, as the backend paces it
     */
    DockerSandbox(DockerClient client, EngineEndpoint engine, String id, String name, SandboxNetwork network, boolean rootByDefault,
                  String firstShellEnd, java.util.function.Consumer<String> remove) {
        this.client = client;
        this.engine = engine;
        this.id = id;
        this.name = name;
        this.networkable = network != SandboxNetwork.NONE;
        this.networked = network == SandboxNetwork.ON;
        this.rootByDefault = rootByDefault;
        this.firstShellEnd = firstShellEnd;
        this.remove = remove;
    }

    private static final String ROOT = "0";

    @Override
    public String id() {
        return id;
    }

    /**
     * Runs the command in this sandbox's shell session for the request's user (opened on first use), so
     * commands of one user share a working directory and exported variables.
     */
    @Override
    public ExecResult exec(ExecRequest request) {
        if (closed.get()) {
            throw new SandboxException("sandbox " + name + " was already removed");
        }
        ShellSession session;
        synchronized (sessions) {
            session = sessions.computeIfAbsent(sessionUser(request.user()),
                user -> new ShellSession(client, engine, id, user.isEmpty() ? null : user,
                    takeFirstShell(user) ? firstShellEnd : null));
        }
        return session.run(request); // the shell starts inside, under the session's own lock
    }

    /** The first process's shell runs as the image's default user; the first session of that user takes it. */
    private boolean takeFirstShell(String sessionUser) {
        boolean take = firstShellFree && sessionUser.equals(sessionUser(null));
        firstShellFree &= !take;
        return take;
    }

    private String sessionUser(String user) {
        if (user == null) {
            return rootByDefault ? ROOT : "";
        }
        return user.equals("root") ? ROOT : user;
    }

    /**
     * Closes every session, then kills every process but the first from a fresh root shell ({@code kill -1} spares
     * the shell that sends it), which stays open for whatever runs next as root.
     */
    @Override
    public void stopProcesses() {
        synchronized (sessions) {
            sessions.values().forEach(ShellSession::close);
            sessions.clear();
        }
        ExecResult killed = exec(ExecRequest.of("kill -9 -1 2>/dev/null; true", Duration.ofSeconds(30)).withUser(ROOT));
        if (!(killed instanceof ExecResult.Completed done) || done.exitCode() != 0) {
            throw new SandboxException("could not stop the processes in sandbox " + name + ": " + killed.output());
        }
    }

    @Override
    public String snapshot(String snapshotName) {
        String reference = DockerSnapshots.REPOSITORY + ":" + snapshotName;
        try {
            client.commitCmd(id).withRepository(DockerSnapshots.REPOSITORY).withTag(snapshotName)
                .withLabels(Map.of(dev.gauntlet.sandbox.SandboxLabels.OWNER, "snapshot")).withPause(true).exec();
            return reference;
        } catch (RuntimeException e) {
            throw new SandboxException("saving sandbox " + name + " as snapshot " + reference + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Copies a small directory of text files through the root shell (one command, no engine call); anything else,
     * or if that fails, as an archive upload.
     */
    @Override
    public void copyIn(Path hostDir, String targetDir) {
        Optional<String> script = dev.gauntlet.sandbox.internal.TextTreeScript.of(hostDir, targetDir);
        if (script.isPresent() && exec(ExecRequest.of(script.get(), Duration.ofSeconds(60)).withUser(ROOT)) instanceof ExecResult.Completed done
            && done.exitCode() == 0) {
            return;
        }
        try {
            client.copyArchiveToContainerCmd(id)
                .withTarInputStream(new ByteArrayInputStream(Tars.of(hostDir, targetDir)))
                .withRemotePath("/")
                .exec();
        } catch (RuntimeException e) {
            throw new SandboxException("copying " + hostDir + " to " + targetDir + " in sandbox " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean copyOut(String path, Path hostDir, long maxBytes) {
        try (InputStream tar = client.copyArchiveFromContainerCmd(id, path).exec()) {
            Tars.extract(tar, hostDir, maxBytes);
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("copying " + path + " out of sandbox " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> readFile(String path, int maxBytes) {
        try (InputStream tar = client.copyArchiveFromContainerCmd(id, path).exec()) {
            return Tars.firstFile(tar, maxBytes);
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("reading " + path + " from sandbox " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void setNetwork(boolean enabled) {
        if (enabled == networked) {
            return;
        }
        if (!networkable) {
            throw new SandboxException("sandbox " + name + " was made without network (SandboxNetwork.NONE) and cannot be connected");
        }
        try {
            client.disconnectFromNetworkCmd().withContainerId(id).withNetworkId(enabled ? "none" : NETWORK).withForce(true).exec();
            client.connectToNetworkCmd().withContainerId(id).withNetworkId(enabled ? NETWORK : "none").exec();
            networked = enabled;
        } catch (RuntimeException e) {
            throw new SandboxException((enabled ? "connecting" : "disconnecting") + " sandbox " + name
                + (enabled ? " to" : " from") + " the network failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (sessions) {
                sessions.values().forEach(ShellSession::close);
                sessions.clear();
            }
            remove.accept(id);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
