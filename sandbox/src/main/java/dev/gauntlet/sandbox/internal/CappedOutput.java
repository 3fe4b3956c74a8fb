package dev.gauntlet.sandbox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects a command's output up to a limit: past it, the first half and the last half of the limit are
 * kept and the cut is marked with the number of bytes left out. Bytes that are not UTF-8 are replaced.
 * Not thread-safe; one writer at a time.
 */
public final class CappedOutput {

    private final int headLimit;
    private final ByteArrayOutputStream head;
    private final byte[] tail;
    private long total;

    public CappedOutput(int limit) {
        this.headLimit = limit / 2;
        this.head = new ByteArrayOutputStream(Math.min(headLimit, 8192));
        this.tail = new byte[limit - headLimit];
    }

    public void write(byte[] bytes) {
        for (byte b : bytes) {
            if (total < headLimit) {
                head.write(b);
            } else {
                tail[(int) ((total - headLimit) % tail.length)] = b;
            }
            total++;
        }
    }

    public long totalBytes() {
        return total;
    }

    public boolean truncated() {
        return total > headLimit + tail.length;
    }

    @Override
    public String toString() {
        String start = head.toString(StandardCharsets.UTF_8);
        long inTail = Math.min(total - headLimit, tail.length);
        if (inTail <= 0) {
            return start;
        }
        byte[] end = new byte[(int) inTail];
        int from = (int) ((total - headLimit - inTail) % tail.length);
        for (int i = 0; i < inTail; i++) {
            end[i] = tail[(from + i) % tail.length];
        }
        String cut = truncated() ? "\n[... " + (total - headLimit - tail.length) + " bytes of output omitted ...]\n" : "";
        return start + cut + new String(end, StandardCharsets.UTF_8);
    }
}
