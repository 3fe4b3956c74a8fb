package dev.gauntlet.sandbox;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A sandbox that gives its {@link LiveSandboxes} permit back when it is closed. */
final class PermitReleasingSandbox implements Sandbox {

    private final Sandbox delegate;
    private final LiveSandboxes live;
    private final AtomicBoolean released = new AtomicBoolean();

    PermitReleasingSandbox(Sandbox delegate, LiveSandboxes live) {
        this.delegate = delegate;
        this.live = live;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public ExecResult exec(ExecRequest request) {
        return delegate.exec(request);
    }

    @Override
    public void copyIn(Path hostDir, String targetDir) {
        delegate.copyIn(hostDir, targetDir);
    }

    @Override
    public boolean copyOut(String path, Path hostDir, long maxBytes) {
        return delegate.copyOut(path, hostDir, maxBytes);
    }

    @Override
    public Optional<byte[]> readFile(String path, int maxBytes) {
        return delegate.readFile(path, maxBytes);
    }

    @Override
    public void stopProcesses() {
        delegate.stopProcesses();
    }

    @Override
    public void setNetwork(boolean enabled) {
        delegate.setNetwork(enabled);
    }

    @Override
    public String snapshot(String tag) {
        return delegate.snapshot(tag);
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            if (released.compareAndSet(false, true)) {
                live.release();
            }
        }
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
