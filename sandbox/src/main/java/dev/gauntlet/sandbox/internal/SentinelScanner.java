package dev.gauntlet.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Finds {@code MARK<number>\n} in a byte stream that arrives in pieces, passing on every byte before the
 * mark and holding back only the few that might be its start. Not thread-safe.
 */
public final class SentinelScanner {

    private final byte[] mark;
    private final Consumer<byte[]> sink;
    private byte[] held = new byte[0];
    private StringBuilder number;
    private Integer value;

    public SentinelScanner(String mark, Consumer<byte[]> sink) {
        this.mark = mark.getBytes(StandardCharsets.US_ASCII);
        this.sink = sink;
    }

    /** Feeds bytes; returns true once the mark and its number have been seen (bytes after them are dropped). */
    public boolean feed(byte[] bytes) {
        if (value != null) {
            return true;
        }
        int offset = 0;
        if (number == null) {
            byte[] data = concat(held, bytes);
            int at = indexOf(data, mark);
            if (at < 0) {
                int keep = Math.min(data.length, mark.length - 1);
                while (keep > 0 && !startsWithSuffix(data, keep)) {
                    keep--;
                }
                emit(Arrays.copyOf(data, data.length - keep));
                held = Arrays.copyOfRange(data, data.length - keep, data.length);
                return false;
            }
            emit(Arrays.copyOf(data, at));
            held = new byte[0];
            number = new StringBuilder();
            bytes = data;
            offset = at + mark.length;
        }
        for (int i = offset; i < bytes.length; i++) {
            char c = (char) bytes[i];
            if (c == '\n') {
                value = number.isEmpty() ? -1 : Integer.parseInt(number.toString());
                return true;
            }
            if (number.length() < 11 && (Character.isDigit(c) || (c == '-' && number.isEmpty()))) {
                number.append(c);
            }
        }
        return false;
    }

    /** The number after the mark, once {@link #feed} returned true. */
    public int value() {
        if (value == null) {
            throw new IllegalStateException("the mark has not been seen");
        }
        return value;
    }

    /** Passes on what was held back (when the stream ended without the mark). */
    public void flush() {
        if (number == null) {
            emit(held);
            held = new byte[0];
        }
    }

    private void emit(byte[] bytes) {
        if (bytes.length > 0) {
            sink.accept(bytes);
        }
    }

    /** True when the last {@code n} bytes of data equal the first {@code n} of the mark. */
    private boolean startsWithSuffix(byte[] data, int n) {
        return Arrays.equals(data, data.length - n, data.length, mark, 0, n);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
