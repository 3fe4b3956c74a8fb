package dev.gauntlet.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedOutputTest {

    @Test
    void shortOutputIsKeptWhole() {
        CappedOutput out = new CappedOutput(100);
        out.write("hello ".getBytes(StandardCharsets.UTF_8));
        out.write("world".getBytes(StandardCharsets.UTF_8));

        assertThat(out.toString()).isEqualTo("hello world");
        assertThat(out.truncated()).isFalse();
    }

    @Test
    void longOutputKeepsHeadAndTailAndMarksTheCut() {
        CappedOutput out = new CappedOutput(100);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            all.append(i % 10);
        }
        out.write(all.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(out.truncated()).isTrue();
        assertThat(out.totalBytes()).isEqualTo(1000);
        assertThat(out.toString()).isEqualTo(all.substring(0, 50) + "\n[... 900 bytes of output omitted ...]\n" + all.substring(950));
    }

    @Test
    void outputJustOverTheHeadIsNotMarked() {
        CappedOutput out = new CappedOutput(100);
        out.write("x".repeat(80).getBytes(StandardCharsets.UTF_8));

        assertThat(out.toString()).isEqualTo("x".repeat(80));
        assertThat(out.truncated()).isFalse();
    }

    @Test
    void bytesThatAreNotUtf8AreReplacedNotFatal() {
        CappedOutput out = new CappedOutput(100);
        out.write(new byte[] {'a', (byte) 0xff, 'b', 0});

        assertThat(out.toString()).isEqualTo("a\uFFFDb\u0000");
    }
}
