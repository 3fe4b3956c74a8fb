package dev.gauntlet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    static TrialRecord record(TrialStatus status) {
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        return new TrialRecord("run", "t", "set", "task", "h", "oracle", null, 1, status,
            status == TrialStatus.ERROR ? ErrorKind.SANDBOX : null, null, null, Map.of(), t, t, 0, 0, 0, 0, "img",
            null, AgentUsage.NONE, 0);
    }

    void at(double seconds) {
        nanos.set(1_000_000_000_000L + (long) (seconds * 1e9));
    }

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesOnlyOnceTheIntervalPassedAndAtTheEnd() {
        Progress progress = new Progress(4, out, false, Duration.ofSeconds(5), nanos::get);
        progress.started();
        progress.started();
        at(1);
        progress.finished(record(TrialStatus.PASSED));
        assertThat(printed()).isEmpty();

        at(5);
        progress.finished(record(TrialStatus.FAILED));
        at(6);
        progress.started();
        at(9.9);
        progress.started();
        at(10);
        progress.finished(record(TrialStatus.ERROR));
        at(12);
        progress.close();
        progress.close();

        assertThat(printed()).isEqualTo(String.join(System.lineSeparator(),
            "progress 2/4  passed 1 (50%)  failed 1  errors 0  in flight 0  0.4 trials/s  ETA 5s",
            "progress 3/4  passed 1 (50%)  failed 1  errors 1  in flight 1  0.3 trials/s  ETA 3s",
            "progress 3/4  passed 1 (50%)  failed 1  errors 1  in flight 1  0.3 trials/s  took 12s", ""));
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void aTickPrintsAHeartbeatOnlyOnceTheIntervalPassed() {
        Progress progress = new Progress(3, out, false, Duration.ofSeconds(5), nanos::get);
        progress.started();
        at(2);
        progress.tick();
        assertThat(printed()).isEmpty();

        at(6);
        progress.tick();
        assertThat(printed()).startsWith("progress 0/3").contains("in flight 1").doesNotContain("\r");
        at(7);
        progress.tick();
        assertThat(printed().lines().count()).isEqualTo(1);
    }

    @Test
    void aTerminalBarIsRedrawnInPlaceAtMostEvery200Ms() {
        Progress progress = new Progress(2, out, true, Duration.ofSeconds(5), nanos::get);
        progress.started();
        at(0.1);
        progress.started();
        at(0.15);
        progress.finished(record(TrialStatus.PASSED));
        at(1);
        progress.finished(record(TrialStatus.PASSED));
        at(2);
        progress.close();

        assertThat(printed()).isEqualTo(
            "\r[..........] 0/2  passed 0  failed 0  errors 0  in flight 1"
                + "\r[##########] 2/2  passed 2 (100%)  failed 0  errors 0  in flight 0  2.0 trials/s  ETA 0s"
                + "\r[##########] 2/2  passed 2 (100%)  failed 0  errors 0  in flight 0  1.0 trials/s  took 2s"
                + System.lineSeparator());
    }

    @Test
    void aShorterBarIsPaddedOverTheLongerOne() {
        Progress progress = new Progress(100, out, true, Duration.ofSeconds(5), nanos::get);
        at(1);
        progress.finished(record(TrialStatus.FAILED));
        progress.close();

        // "ETA 1m39s" becomes "took 1s": 2 characters shorter.
        assertThat(printed()).isEqualTo(
            "\r[..........] 1/100  passed 0 (0%)  failed 1  errors 0  in flight 0  1.0 trials/s  ETA 1m39s"
                + "\r[..........] 1/100  passed 0 (0%)  failed 1  errors 0  in flight 0  1.0 trials/s  took 1s  "
                + System.lineSeparator());
    }

    @Test
    void etaComesFromTheRateSoFar() {
        Progress progress = new Progress(40, out, false, Duration.ofSeconds(5), nanos::get);
        for (int i = 0; i < 10; i++) {
            progress.started();
        }
        assertThat(printed()).isEmpty();
        at(20);
        for (int i = 0; i < 10; i++) {
            progress.finished(record(TrialStatus.PASSED));
        }

        assertThat(printed()).isEqualTo(
            "progress 1/40  passed 1 (100%)  failed 0  errors 0  in flight 9  0.1 trials/s  ETA 13m00s"
                + System.lineSeparator());
        assertThat(Progress.duration(21)).isEqualTo("21s");
        assertThat(Progress.duration(185)).isEqualTo("3m05s");
        assertThat(Progress.duration(3720)).isEqualTo("1h02m");
    }

    @Test
    void noRateNorEtaBeforeATrialIsDone() {
        Progress progress = new Progress(3, out, false, Duration.ofSeconds(5), nanos::get);
        at(6);
        progress.started();
        progress.close();

        assertThat(printed()).isEqualTo(String.join(System.lineSeparator(),
            "progress 0/3  passed 0  failed 0  errors 0  in flight 1",
            "progress 0/3  passed 0  failed 0  errors 0  in flight 1", ""));
    }

    @Test
    void countsAreRightWhenTrialsFinishOnManyThreads() throws InterruptedException {
        Progress progress = new Progress(8000, out, false, Duration.ofSeconds(5), nanos::get);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            TrialStatus status = TrialStatus.values()[t % 3];
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    progress.started();
                    progress.finished(record(status));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        progress.close();

        assertThat(printed()).isEqualTo(
            "progress 8000/8000  passed 3000 (50%)  failed 3000  errors 2000  in flight 0" + System.lineSeparator());
    }

    @Test
    void rejectsANegativeTotalAndAnEmptyInterval() {
        assertThatThrownBy(() -> new Progress(-1, out, false, Duration.ofSeconds(5), nanos::get))
            .hasMessage("total must not be negative, was -1");
        assertThatThrownBy(() -> new Progress(1, out, false, Duration.ZERO, nanos::get))
            .hasMessage("plainEvery must be positive, was PT0S");
    }
}
