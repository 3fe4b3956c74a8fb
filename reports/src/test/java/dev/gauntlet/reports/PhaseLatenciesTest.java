package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.PhaseLatencies.Latency;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseLatenciesTest {

    /** Trial {@code i} of 1..100 took i ms to set up, 10·i ms in the agent, 100·i ms in total; odd ones were verified. */
    static List<TrialRecord> hundred() {
        List<TrialRecord> records = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            records.add(RunSummaryTest.record("t", i, TrialStatus.PASSED, 1.0, i, 10L * i, i % 2 == 1 ? i : 0, 100L * i));
        }
        return records;
    }

    @Test
    void percentilesOfOneToAHundredAreExact() {
        PhaseLatencies latencies = PhaseLatencies.of(hundred());

        assertThat(latencies.setup()).isEqualTo(new Latency(100, 50, 90, 99, 100));
        assertThat(latencies.agent()).isEqualTo(new Latency(100, 500, 900, 990, 1000));
    }

    @Test
    void aboveTwoThousandValuesAreWithinThreeSignificantDigits() {
        // Buckets are 4 ms wide from 4,096 and 8 ms from 8,192; a percentile is the top of its value's bucket
        // (5,000 → 5,003, 9,000 → 9,007, 9,900 → 9,903), the maximum is exact.
        assertThat(PhaseLatencies.of(hundred()).total()).isEqualTo(new Latency(100, 5003, 9007, 9903, 10000));
    }

    @Test
    void noPercentileIsReportedAboveTheExactMaximum() {
        PhaseLatencies latencies = PhaseLatencies.of(List.of(RunSummaryTest.record("a", 1, TrialStatus.PASSED, 1.0, 10_710, 1, 1, 10_712)));

        assertThat(latencies.setup()).isEqualTo(new PhaseLatencies.Latency(1, 10_710, 10_710, 10_710, 10_710));
    }

    @Test
    void aPhaseNotReachedIsLeftOutButEveryTrialCountsInTheTotal() {
        List<TrialRecord> records = List.of(
            RunSummaryTest.record("a", 1, TrialStatus.PASSED, 1.0, 0, 0, 0, 0),
            RunSummaryTest.record("a", 2, TrialStatus.PASSED, 1.0, 5, 0, 0, 7));

        PhaseLatencies latencies = PhaseLatencies.of(records);

        assertThat(latencies.setup()).isEqualTo(new Latency(1, 5, 5, 5, 5));
        assertThat(latencies.agent()).isEqualTo(Latency.NONE);
        assertThat(latencies.total().count()).isEqualTo(2);
        assertThat(latencies.total().p50()).isZero();
        assertThat(latencies.total().max()).isEqualTo(7);
        assertThat(PhaseLatencies.of(hundred()).verifier()).isEqualTo(new Latency(50, 49, 89, 99, 99));
    }

    @Test
    void theTableShowsDashesForAPhaseNoTrialReached() {
        List<TrialRecord> records = List.of(RunSummaryTest.record("a", 1, TrialStatus.PASSED, 1.0, 4, 8, 0, 12));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SummaryTable.print(RunSummary.of(records, Duration.ofSeconds(1)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("""
            phase        p50 ms   p90 ms   p99 ms   max ms
            setup             4        4        4        4
            agent             8        8        8        8
            verifier          -        -        -        -
            total            12       12       12       12
            """);
    }

    @Test
    void runJsonHasEveryPhase() {
        ObjectNode json = SummaryTable.toJson(RunSummary.of(hundred(), Duration.ofSeconds(1)));

        assertThat(json.get("phase_latency_ms").toString()).isEqualTo("{"
            + "\"setup\":{\"count\":100,\"p50\":50,\"p90\":90,\"p99\":99,\"max\":100},"
            + "\"agent\":{\"count\":100,\"p50\":500,\"p90\":900,\"p99\":990,\"max\":1000},"
            + "\"verifier\":{\"count\":50,\"p50\":49,\"p90\":89,\"p99\":99,\"max\":99},"
            + "\"total\":{\"count\":100,\"p50\":5003,\"p90\":9007,\"p99\":9903,\"max\":10000}}");
    }

    @Test
    void anEmptyRunHasNoFiguresAndNoBlock() {
        RunSummary summary = RunSummary.of(List.of(), Duration.ZERO);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SummaryTable.print(summary, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(summary.latencies().total()).isEqualTo(Latency.NONE);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("phase");
        assertThat(SummaryTable.toJson(summary).get("phase_latency_ms").get("total").toString())
            .isEqualTo("{\"count\":0,\"p50\":null,\"p90\":null,\"p99\":null,\"max\":null}");
    }
}
