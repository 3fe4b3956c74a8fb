package dev.gauntlet.harness.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static TrialRecord record(TrialStatus status, ErrorKind kind) {
        Instant t = Instant.EPOCH;
        return new TrialRecord("r", "t", "d", "k", "h", "bash", null, 1, status, kind, kind == null ? null : "x", null, Map.of(),
            t, t, 0, 0, 0, 0, "img", null, AgentUsage.NONE, 0);
    }

    @Test
    void onlyInfrastructureAndModelErrorsAreRetriedUpToTheLimit() {
        RetryPolicy policy = new RetryPolicy(2);

        assertThat(policy.shouldRetry(record(TrialStatus.ERROR, ErrorKind.SANDBOX), 0)).isTrue();
        assertThat(policy.shouldRetry(record(TrialStatus.ERROR, ErrorKind.MODEL), 1)).isTrue();
        assertThat(policy.shouldRetry(record(TrialStatus.ERROR, ErrorKind.SANDBOX), 2)).isFalse();
        for (ErrorKind kind : new ErrorKind[] {ErrorKind.AGENT, ErrorKind.AGENT_TIMEOUT, ErrorKind.VERIFIER, ErrorKind.VERIFIER_TIMEOUT,
            ErrorKind.CANCELLED}) {
            assertThat(policy.shouldRetry(record(TrialStatus.ERROR, kind), 0)).as(kind.wireName()).isFalse();
        }
        assertThat(policy.shouldRetry(record(TrialStatus.FAILED, null), 0)).isFalse();
        assertThat(policy.shouldRetry(record(TrialStatus.PASSED, null), 0)).isFalse();
        assertThat(new RetryPolicy(0).shouldRetry(record(TrialStatus.ERROR, ErrorKind.SANDBOX), 0)).isFalse();
    }

    @Test
    void waitsGrowExponentiallyUpToTheCap() {
        assertThat(RetryPolicy.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(RetryPolicy.ceiling(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.ceiling(60)).isEqualTo(Duration.ofSeconds(30));
    }
}
