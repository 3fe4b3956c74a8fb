package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.internal.CappedOutput;
import dev.gauntlet.sandbox.internal.SentinelScanner;
import dev.gauntlet.sandbox.ShellQuoting;
import dev.gauntlet.sandbox.internal.ShellScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived shell in a container, like a terminal: commands run one after another in the same shell, so
 * {@code cd} and {@code export} persist. Each command is followed by a random mark and its exit code, read
 * back from the exec stream. A command past its timeout has its processes killed (the shell survives); a
 * shell that dies is reported and replaced; a container that is gone is a {@link SandboxException}.
 *
 * <p>A reader virtual thread per session moves frames from the socket to a queue; the caller's thread
 * consumes them. No platform thread is held while a session is idle or a command runs.
 */
final class ShellSession implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_GRACE = Duration.ofSeconds(3);
    private static final ExecStream.Frame END = new ExecStream.Frame(-1, new byte[0]);

    private final DockerClient client;
    private final EngineEndpoint engine;
    private final String containerId;
    private final String user;
    /**
     * While not null, the next start attaches to the shell the container's first process started, instead of an
     * exec; that process prints this and the shell's exit code when the shell ends.
     */
    private String firstShellEnd;
    private volatile int firstShellExitCode = -1;
    private final String mark = "__GAUNTLET_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "__:";
    private ExecStream stream;
    private String execId;
    private BlockingQueue<ExecStream.Frame> frames;
    private int shellPid;

    /**
     * @param firstShellEnd null, or what the container's first process prints when the shell it started on its stdin
     *                      (as the image's default user) ends: this session is that shell; a shell started later
     *                      is an exec
     */
    ShellSession(DockerClient client, EngineEndpoint engine, String containerId, String user, String firstShellEnd) {
        this.client = client;
        this.engine = engine;
        this.containerId = containerId;
        this.user = user;
        this.firstShellEnd = firstShellEnd;
    }

    /** Runs a command, starting the shell first if it is not running (the first time, or after it died). */
    synchronized ExecResult run(ExecRequest request) {
        if (stream == null || frames.peek() == END) {
            close();
            start();
        }
        long start = System.nanoTime();
        CappedOutput output = new CappedOutput(request.outputLimit());
        SentinelScanner scanner = new SentinelScanner(mark, output::write);
        send(ShellScripts.wrap(request.command(), request.workdir(), request.env(), mark));
        Outcome outcome = await(scanner, output, request.timeout());
        if (outcome == Outcome.TIMED_OUT) {
            killCommand();
            Outcome after = await(scanner, output, KILL_GRACE);
            if (after != Outcome.MARKED) {
                restart("the shell did not come back after its command was killed");
            }
            return new ExecResult.TimedOut(output.toString(), elapsed(start));
        }
        if (outcome == Outcome.ENDED) {
            scanner.flush();
            int code = shellExitCode();
            restart(null);
            return new ExecResult.Completed(code, output + "\n[the shell exited with " + code + "; a new shell was started]\n", elapsed(start));
        }
        return new ExecResult.Completed(scanner.value(), output.toString(), elapsed(start));
    }

    private enum Outcome { MARKED, TIMED_OUT, ENDED }

    private Outcome await(SentinelScanner scanner, CappedOutput output, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                ExecStream.Frame frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    return Outcome.TIMED_OUT;
                }
                if (frame == END) {
                    return Outcome.ENDED;
                }
                if (frame.stream() == 2) {
                    output.write(frame.payload());
                } else if (scanner.feed(frame.payload())) {
                    return Outcome.MARKED;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killCommand();
            close();
            throw new SandboxException("interrupted while running a command in container " + shortId(), e);
        }
    }

    private void start() {
        requireRunning();
        String attachedEnd = firstShellEnd;
        firstShellEnd = null;
        try {
            if (attachedEnd != null) {
                execId = null;
                stream = ExecStream.attach(engine, containerId);
            } else {
                var create = client.execCreateCmd(containerId).withCmd("sh", "-c", ShellScripts.START)
                    .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true).withTty(false);
                if (user != null) {
                    create.withUser(user);
                }
                execId = create.exec().getId();
                stream = ExecStream.start(engine, execId);
            }
        } catch (IOException | RuntimeException e) {
            stream = null;
            explainIfGone();
            throw new SandboxException("cannot start a shell in container " + shortId() + ": " + e.getMessage(), e);
        }
        frames = new LinkedBlockingQueue<>();
        ExecStream mine = stream;
        BlockingQueue<ExecStream.Frame> queue = frames;
        Thread.ofVirtual().name("shell-" + shortId()).start(() -> pump(mine, queue, attachedEnd));
        CappedOutput greeting = new CappedOutput(4096);
        SentinelScanner scanner = new SentinelScanner(mark, greeting::write);
        send("printf '%s%d\\n' " + ShellQuoting.quote(mark) + " \"$$\"\n");
        if (await(scanner, greeting, START_TIMEOUT) != Outcome.MARKED) {
            close();
            explainIfGone();
            throw new SandboxException("the shell in container " + shortId() + " did not answer: " + greeting);
        }
        shellPid = scanner.value();
    }

    /**
     * Moves frames to the queue until the stream ends, or, for the first process's shell, until {@code end} (then
     * the shell's exit code) appears in its output.
     */
    private void pump(ExecStream stream, BlockingQueue<ExecStream.Frame> queue, String end) {
        SentinelScanner ended = end == null ? null : new SentinelScanner(end, bytes -> queue.add(new ExecStream.Frame(1, bytes)));
        try {
            for (ExecStream.Frame frame = stream.read(); frame != null; frame = stream.read()) {
                if (ended == null || frame.stream() != 1) {
                    queue.add(frame);
                } else if (ended.feed(frame.payload())) {
                    firstShellExitCode = ended.value();
                    return;
                }
            }
        } catch (IOException ignored) {
            // the stream was closed or broke: either way this shell is over
        } finally {
            queue.add(END);
        }
    }

    private void send(String line) {
        try {
            stream.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the shell is gone; reading will see the end of the stream
        }
    }

    /** Kills every process the shell started, from a separate exec; the shell itself lives on. */
    private void killCommand() {
        OneShotExec.run(client, engine, containerId, "0", new String[] {"sh", "-c", ShellScripts.KILL_DESCENDANTS, "kill", String.valueOf(shellPid)},
            Duration.ofSeconds(30));
    }

    private void restart(String why) {
        if (why != null && shellPid > 0) {
            OneShotExec.run(client, engine, containerId, "0", new String[] {"kill", "-9", String.valueOf(shellPid)}, Duration.ofSeconds(10));
        }
        close();
        start();
    }

    private int shellExitCode() {
        if (execId == null) {
            return firstShellExitCode;
        }
        try {
            Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * After a failure that may mean the container died: waits up to two seconds for the engine to see it stopped,
     * and if so throws the exception that says how.
     */
    private void explainIfGone() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            requireRunning();
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Throws a {@link SandboxException} that says what happened when the container is no longer running. */
    private void requireRunning() {
        InspectContainerResponse.ContainerState state;
        try {
            state = client.inspectContainerCmd(containerId).exec().getState();
        } catch (NotFoundException e) {
            throw new SandboxException("sandbox container " + shortId() + " is gone: it was removed");
        }
        if (!Boolean.TRUE.equals(state.getRunning())) {
            throw new SandboxException("sandbox container " + shortId() + " is gone: it " + state.getStatus()
                + " with exit code " + state.getExitCodeLong()
                + (Boolean.TRUE.equals(state.getOOMKilled()) ? " (killed for using more than its memory limit)" : ""));
        }
    }

    private String shortId() {
        return containerId.substring(0, Math.min(12, containerId.length()));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
