package dev.gauntlet.sandbox.docker;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One exec's attached stdin/stdout/stderr, spoken over a connection of its own: {@code POST /exec/ID/start}
 * (or {@code POST /containers/ID/attach} for the container's own first process) upgraded to a raw stream, then the engine's multiplexed frames (an 8-byte header: stream type, three zero
 * bytes, big-endian length). docker-java would hold a platform thread per such stream; this holds a socket
 * (plain or TLS, see {@link EngineWire}), and a virtual thread blocked reading it holds no carrier thread.
 */
final class ExecStream implements AutoCloseable {

    /** One frame: {@code stream} is 1 for stdout and 2 for stderr. */
    record Frame(int stream, byte[] payload) {
    }

    private static final byte[] START_BODY = "{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.US_ASCII);

    private final EngineWire wire;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

    private ExecStream(EngineWire wire) {
        this.wire = wire;
        in.flip();
    }

    static ExecStream start(EngineEndpoint engine, String execId) throws IOException {
        return open(engine, "/exec/" + execId + "/start", START_BODY, "starting exec " + execId);
    }

    /**
     * The stdin and output of a running container's first process. Costs the engine no process (an exec runs
     * runc), so the shell that process starts is the cheapest session a sandbox can have.
     */
    static ExecStream attach(EngineEndpoint engine, String containerId) throws IOException {
        return open(engine, "/containers/" + containerId + "/attach?stream=1&stdin=1&stdout=1&stderr=1", new byte[0],
            "attaching to container " + containerId);
    }

    private static ExecStream open(EngineEndpoint engine, String path, byte[] body, String what) throws IOException {
        EngineWire wire = engine.connect();
        try {
            String head = "POST " + engine.path(path) + " HTTP/1.1\r\n"
                + "Host: " + engine.hostHeader() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Connection: Upgrade\r\n"
                + "Upgrade: tcp\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
            wire.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            wire.write(ByteBuffer.wrap(body));
            ExecStream stream = new ExecStream(wire);
            stream.readResponseHead(what);
            return stream;
        } catch (IOException | RuntimeException e) {
            wire.close();
            throw e;
        }
    }

    /** Writes to the exec's stdin. */
    synchronized void write(byte[] bytes) throws IOException {
        wire.write(ByteBuffer.wrap(bytes));
    }

    /** The next frame, or null when the exec has ended and the engine closed the stream. */
    Frame read() throws IOException {
        if (!fill(8)) {
            return null;
        }
        int stream = in.get() & 0xff;
        in.position(in.position() + 3);
        int length = in.getInt();
        byte[] payload = new byte[length];
        int copied = 0;
        while (copied < length) {
            if (!in.hasRemaining() && !fill(1)) {
                throw new EOFException("the engine closed an exec stream inside a frame");
            }
            int n = Math.min(in.remaining(), length - copied);
            in.get(payload, copied, n);
            copied += n;
        }
        return new Frame(stream, payload);
    }

    @Override
    public void close() {
        wire.close();
    }

    private void readResponseHead(String what) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            if (!fill(1)) {
                throw new EOFException("the engine closed the connection while " + what);
            }
            head.append((char) (in.get() & 0xff));
            if (head.length() > 16 * 1024) {
                throw new IOException("the engine's answer to " + what + " has no end of headers");
            }
        }
        String status = head.substring(0, head.indexOf("\r\n"));
        if (!status.contains(" 101 ") && !status.contains(" 200 ")) {
            throw new IOException(what + " failed: " + status + " " + head.substring(head.indexOf("\r\n\r\n") + 4));
        }
    }

    /** Makes at least {@code n} bytes readable; false at end of stream before any byte of them arrived. */
    private boolean fill(int n) throws IOException {
        while (in.remaining() < n) {
            in.compact();
            int read = wire.read(in);
            in.flip();
            if (read < 0) {
                if (in.hasRemaining()) {
                    throw new EOFException("the engine closed an exec stream inside a frame header");
                }
                return false;
            }
        }
        return true;
    }
}
