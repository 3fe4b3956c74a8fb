package dev.gauntlet.benchmarks.scheduler;

import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.ImageSpec;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Sandboxes that exist only in memory and answer every command at once: what is left is the harness's own cost. */
final class InMemoryBackend implements SandboxBackend {

    private final AtomicLong ids = new AtomicLong();

    @Override
    public String ensureImage(ImageSpec spec) {
        return "memory:" + (spec.reference() != null ? spec.reference() : spec.contextHash());
    }

    @Override
    public Optional<String> imageId(String reference) {
        return Optional.of(reference);
    }

    @Override
    public Sandbox create(SandboxSpec spec) {
        return new InMemorySandbox("memory-" + ids.incrementAndGet());
    }

    @Override
    public int removeSandboxes(String runId) {
        return 0;
    }

    @Override
    public void removeSnapshot(String name) {
    }

    @Override
    public String host() {
        return "memory";
    }

    @Override
    public boolean answers() {
        return true;
    }

    @Override
    public int defaultCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int removeSnapshots(Duration maxAge, long maxBytes, Set<String> keep) {
        return 0;
    }

    @Override
    public void close() {
    }

    private record InMemorySandbox(String id) implements Sandbox {
        @Override
        public ExecResult exec(ExecRequest request) {
            return new ExecResult.Completed(0, "ok\n", Duration.ZERO);
        }

        @Override
        public void copyIn(Path hostDir, String targetDir) {
        }

        @Override
        public boolean copyOut(String path, Path hostDir, long maxBytes) {
            return false;
        }

        @Override
        public Optional<byte[]> readFile(String path, int maxBytes) {
            return Optional.of("1".getBytes());
        }

        @Override
        public void stopProcesses() {
        }

        @Override
        public String snapshot(String name) {
            return "memory:" + name;
        }

        @Override
        public void setNetwork(boolean enabled) {
        }

        @Override
        public void close() {
        }
    }
}
