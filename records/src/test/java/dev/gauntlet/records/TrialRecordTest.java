package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialRecordTest {

  @Test
  void wireNamesRoundTrip() {
    for (TrialStatus status : TrialStatus.values()) {
      assertThat(TrialStatus.parse(status.wireName())).isEqualTo(status);
    }
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(ErrorKind.parse(kind.wireName())).isEqualTo(kind);
    }
    assertThat(ErrorKind.AGENT_TIMEOUT.wireName()).isEqualTo("agent_timeout");
    assertThat(TrialStatus.PASSED.wireName()).isEqualTo("passed");
  }

  @Test
  void parseListsAllowedNames() {
    assertThatThrownBy(() -> TrialStatus.parse("PASSED"))
        .hasMessageContaining("'PASSED'").hasMessageContaining("passed, failed, error");
    assertThatThrownBy(() -> ErrorKind.parse("oom"))
        .hasMessageContaining("agent_timeout").hasMessageContaining("cancelled");
  }

  @Test
  void errorKindIsPresentExactlyOnError() {
    TrialRecord ok = TestRecords.passed("t");
    assertThatThrownBy(() -> copy(ok, TrialStatus.ERROR, null)).hasMessageContaining("errorKind");
    assertThatThrownBy(() -> copy(ok, TrialStatus.FAILED, ErrorKind.MODEL)).hasMessageContaining("errorKind");
    assertThat(copy(ok, TrialStatus.ERROR, ErrorKind.MODEL).errorKind()).isEqualTo(ErrorKind.MODEL);
  }

  @Test
  void rewardsAreCopiedSortedAndImmutable() {
    Map<String, Double> rewards = new HashMap<>(Map.of("b", 2.0, "a", 1.0));
    TrialRecord r = new TrialRecord("r", "t", "d", "k", "h", "a", null, 0, TrialStatus.PASSED, null, null,
        null, rewards, Instant.EPOCH, Instant.EPOCH, 0, 0, 0, 0, "img", null, AgentUsage.NONE, 0);
    rewards.put("c", 3.0);
    assertThat(r.rewards()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0));
    assertThatThrownBy(() -> r.rewards().put("z", 0.0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredComponentsAndRangesAreChecked() {
    assertThatThrownBy(() -> new TrialRecord(null, "t", "d", "k", "h", "a", null, 0, TrialStatus.PASSED, null,
        null, null, Map.of(), Instant.EPOCH, Instant.EPOCH, 0, 0, 0, 0, "img", null, AgentUsage.NONE, 0))
        .hasMessage("runId");
    assertThatThrownBy(() -> new TrialRecord("r", "t", "d", "k", "h", "a", null, 0, TrialStatus.PASSED, null,
        null, null, Map.of(), Instant.EPOCH, Instant.EPOCH, 0, -1, 0, 0, "img", null, AgentUsage.NONE, 0))
        .hasMessageContaining("agentMs");
    assertThatThrownBy(() -> new TrialRecord("r", "t", "d", "k", "h", "a", null, 0, TrialStatus.PASSED, null,
        null, null, Map.of(), Instant.EPOCH.plusSeconds(1), Instant.EPOCH, 0, 0, 0, 0, "img", null, AgentUsage.NONE, 0))
        .hasMessageContaining("before startedAt");
  }

  @Test
  void timestampsAreKeptToTheMillisecond() {
    Instant precise = Instant.parse("2026-01-01T00:00:00.123456789Z");
    TrialRecord r = new TrialRecord("r", "t", "d", "k", "h", "a", null, 0, TrialStatus.PASSED, null, null,
        null, Map.of(), precise, precise, 0, 0, 0, 0, "img", null, AgentUsage.NONE, 0);
    assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  @Test
  void usageIsRequired() {
    TrialRecord r = TestRecords.passed("t");
    assertThatThrownBy(() -> r.withUsage(null)).isInstanceOf(NullPointerException.class).hasMessage("usage");
    AgentUsage usage = new AgentUsage(1, 2, 1, 3, null, "steps", 0);
    assertThat(r.withUsage(usage).usage()).isEqualTo(usage);
    assertThat(r.withUsage(usage).withUsage(r.usage())).isEqualTo(r);
  }

  @Test
  void usageRangesAreChecked() {
    assertThatThrownBy(() -> new AgentUsage(-1, 0, 0, 0, null, null, 0)).hasMessageContaining("steps");
    assertThatThrownBy(() -> new AgentUsage(0, -1, 0, 0, null, null, 0)).hasMessageContaining("inputTokens");
    assertThatThrownBy(() -> new AgentUsage(0, 5, 6, 0, null, null, 0))
        .hasMessageContaining("cachedInputTokens 6").hasMessageContaining("inputTokens 5");
    assertThatThrownBy(() -> new AgentUsage(0, 0, 0, -1, null, null, 0)).hasMessageContaining("outputTokens");
    assertThatThrownBy(() -> new AgentUsage(0, 0, 0, 0, -0.01, null, 0)).hasMessageContaining("costUsd");
    assertThatThrownBy(() -> new AgentUsage(0, 0, 0, 0, Double.NaN, null, 0)).hasMessageContaining("costUsd");
    assertThatThrownBy(() -> new AgentUsage(0, 0, 0, 0, null, " ", 0)).hasMessageContaining("limitHit");
    assertThatThrownBy(() -> new AgentUsage(0, 0, 0, 0, null, null, -1)).hasMessageContaining("modelRetries");
    assertThat(new AgentUsage(0, 0, 0, 0, null, null, 0)).isEqualTo(AgentUsage.NONE);
  }

  @Test
  void retriesAreCountedAndNeverNegative() {
    TrialRecord r = TestRecords.passed("t");
    assertThat(r.withRetries(3).retries()).isEqualTo(3);
    assertThat(r.withRetries(3).withUsage(AgentUsage.NONE).retries()).isEqualTo(3);
    assertThatThrownBy(() -> r.withRetries(-1)).hasMessageContaining("retries");
  }

  @Test
  void sandboxHostIsOptionalAndKeptByCopies() {
    TrialRecord r = TestRecords.passed("t");
    assertThat(r.withSandboxHost(null).sandboxHost()).isNull();
    assertThat(r.withSandboxHost("tcp://10.0.0.5:2376").sandboxHost()).isEqualTo("tcp://10.0.0.5:2376");
    assertThat(r.withSandboxHost("tcp://10.0.0.5:2376").withSandboxHost(r.sandboxHost())).isEqualTo(r);
    assertThat(r.withRetries(3).withUsage(AgentUsage.NONE).withScorer("exact", null)
        .withTaskInfo(Map.of(), null).sandboxHost()).isEqualTo(r.sandboxHost());
  }

  @Test
  void olderShapedConstructorsHaveNoSandboxHost() {
    TrialRecord r = TestRecords.passed("t");
    TrialRecord v3 = new TrialRecord(r.runId(), r.trialId(), r.dataset(), r.taskId(), r.taskHash(), r.agent(),
        r.model(), r.attempt(), r.status(), r.errorKind(), r.errorMessage(), r.reward(), r.rewards(), r.startedAt(),
        r.finishedAt(), r.setupMs(), r.agentMs(), r.verifierMs(), r.totalMs(), r.image(), r.sandboxId(), r.usage(),
        r.retries(), r.scorer(), r.scoreExplanation(), r.metadata(), r.datasetFingerprint());
    assertThat(v3).isEqualTo(r.withSandboxHost(null));
    assertThat(copy(r, r.status(), r.errorKind()).sandboxHost()).isNull();
  }

  private static TrialRecord copy(TrialRecord r, TrialStatus status, ErrorKind kind) {
    return new TrialRecord(r.runId(), r.trialId(), r.dataset(), r.taskId(), r.taskHash(), r.agent(), r.model(),
        r.attempt(), status, kind, r.errorMessage(), r.reward(), r.rewards(), r.startedAt(), r.finishedAt(),
        r.setupMs(), r.agentMs(), r.verifierMs(), r.totalMs(), r.image(), r.sandboxId(), r.usage(), r.retries());
  }
}
