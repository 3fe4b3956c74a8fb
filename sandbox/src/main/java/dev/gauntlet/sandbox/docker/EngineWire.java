package dev.gauntlet.sandbox.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLSocket;

/**
 * One blocking connection to an engine, as an exec stream uses it: a plain socket channel (unix or TCP) or a TLS
 * socket. Blocking reads on either park a virtual thread without holding its carrier. One thread may read while
 * another writes.
 */
sealed interface EngineWire extends AutoCloseable {

    /** Reads what has arrived, at least one byte, into {@code buffer}; -1 at the end of the stream. */
    int read(ByteBuffer buffer) throws IOException;

    /** Writes all of {@code buffer}. */
    void write(ByteBuffer buffer) throws IOException;

    @Override
    void close();

    /** A unix or plain TCP socket. */
    record Plain(SocketChannel channel) implements EngineWire {

        @Override
        public int read(ByteBuffer buffer) throws IOException {
            return channel.read(buffer);
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void close() {
            closeQuietly(channel);
        }
    }

    /** A TLS socket whose handshake (and the check of the engine's certificate and host name) is done. */
    record Tls(SSLSocket socket, InputStream in, OutputStream out) implements EngineWire {

        Tls(SSLSocket socket) throws IOException {
            this(socket, socket.getInputStream(), socket.getOutputStream());
        }

        /** {@code buffer} must have a backing array, as a heap buffer does. */
        @Override
        public int read(ByteBuffer buffer) throws IOException {
            int read = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            if (read > 0) {
                buffer.position(buffer.position() + read);
            }
            return read;
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            out.flush();
            buffer.position(buffer.limit());
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(AutoCloseable connection) {
        try {
            connection.close();
        } catch (Exception ignored) {
            // closing a connection that may already be broken
        }
    }
}
