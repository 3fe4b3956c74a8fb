package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.internal.CappedOutput;
import dev.gauntlet.sandbox.internal.Tars;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running container; commands are engine execs with an empty standard input. */
final class DockerSandbox implements Sandbox {

    private static final String NETWORK = "bridge";

    private final DockerClient client;
    private final String id;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean networked;

    DockerSandbox(DockerClient client, String id, String name, boolean networked) {
        this.client = client;
        this.id = id;
        this.name = name;
        this.networked = networked;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ExecResult exec(ExecRequest request) {
        long start = System.nanoTime();
        ExecCreateCmd create = client.execCreateCmd(id)
            .withCmd("sh", "-c", request.command())
            .withAttachStdin(false).withAttachStdout(true).withAttachStderr(true)
            .withEnv(request.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (request.user() != null) {
            create.withUser(request.user());
        }
        if (request.workdir() != null) {
            create.withWorkingDir(request.workdir());
        }
        CappedOutput output = new CappedOutput(request.outputLimit());
        String execId;
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (output) {
                    output.write(frame.getPayload());
                }
            }
        };
        try {
            execId = create.exec().getId();
            client.execStartCmd(execId).exec(callback);
            boolean finished = callback.awaitCompletion(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!finished) {
                DockerClients.closeQuietly(callback);
                synchronized (output) {
                    return new ExecResult.TimedOut(output.toString(), elapsed);
                }
            }
            Long exitCode = client.inspectExecCmd(execId).exec().getExitCodeLong();
            synchronized (output) {
                return new ExecResult.Completed(exitCode == null ? -1 : exitCode.intValue(), output.toString(), elapsed);
            }
        } catch (InterruptedException e) {
            DockerClients.closeQuietly(callback);
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while running a command in " + name, e);
        } catch (RuntimeException e) {
            throw new SandboxException("running a command in sandbox " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void copyIn(Path hostDir, String targetDir) {
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
            DockerBackend.remove(client, id);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
