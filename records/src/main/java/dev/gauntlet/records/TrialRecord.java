package dev.gauntlet.records;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of one trial: one attempt of one agent on one task. One record is one row of the Parquet files
 * described by {@link TrialSchema}.
 *
 * <p>Timestamps are kept to the millisecond, the precision they are stored with, so a record read back equals the
 * one written. An error is data: a trial that could not be scored has status {@link TrialStatus#ERROR} and an
 * {@link ErrorKind}.
 *
 * @param runId the run this trial belongs to
 * @param trialId unique within the run
 * @param dataset the dataset the task comes from
 * @param taskId the task within the dataset
 * @param taskHash a content hash of the task, so results can be compared only across identical tasks
 * @param agent the agent's registered name
 * @param model the model the agent used, or {@code null} if none
 * @param attempt which attempt at this task this trial was, not negative
 * @param status how the trial ended
 * @param errorKind why it errored: present exactly when {@code status} is {@link TrialStatus#ERROR}
 * @param errorMessage a human-readable explanation, or {@code null}
 * @param reward the headline reward, or {@code null} if unscored
 * @param rewards named rewards, never {@code null}; copied to an unmodifiable map sorted by name
 * @param startedAt when the trial started
 * @param finishedAt when it finished, not before {@code startedAt}
 * @param setupMs time spent preparing the sandbox, not negative
 * @param agentMs time spent running the agent, not negative
 * @param verifierMs time spent verifying, not negative
 * @param totalMs wall-clock time of the whole trial, not negative
 * @param image the sandbox image the trial ran in
 * @param sandboxId the sandbox's id, or {@code null} if none was created
 * @param usage what the agent consumed, never {@code null}: {@link AgentUsage#NONE} if nothing was measured
 * @param retries how often the trial was run again on a fresh sandbox after an infrastructure or model error
 * @param scorer the name of the scorer that gave the reward (e.g. {@code reward_file}, {@code exit_code},
 *     {@code exact}, {@code model:openai/gpt-4o}), or {@code null} if none did
 * @param scoreExplanation why the scorer gave that reward (a judge model's verdict and explanation, a mismatch),
 *     or {@code null}
 * @param metadata the task's metadata fields (difficulty, category...), never {@code null}; copied to an
 *     unmodifiable map sorted by name
 * @param datasetFingerprint a hash of the dataset's content the task was loaded with, or {@code null} if unknown
 * @param sandboxHost the Docker engine that ran the trial (e.g. {@code unix:///var/run/docker.sock},
 *     {@code tcp://10.0.0.5:2376}), or {@code null} if unknown or no sandbox was made
 */
public record TrialRecord(
    String runId,
    String trialId,
    String dataset,
    String taskId,
    String taskHash,
    String agent,
    String model,
    int attempt,
    TrialStatus status,
    ErrorKind errorKind,
    String errorMessage,
    Double reward,
    Map<String, Double> rewards,
    Instant startedAt,
    Instant finishedAt,
    long setupMs,
    long agentMs,
    long verifierMs,
    long totalMs,
    String image,
    String sandboxId,
    AgentUsage usage,
    int retries,
    String scorer,
    String scoreExplanation,
    Map<String, String> metadata,
    String datasetFingerprint,
    String sandboxHost) {

  /**
   * The version of the record format; bumped whenever {@link TrialSchema} changes. Version 2 added
   * {@link #usage()} and {@link #retries()}, version 3 {@link #scorer()}, {@link #scoreExplanation()},
   * {@link #metadata()} and {@link #datasetFingerprint()}, version 4 {@link #sandboxHost()};
   * {@link TrialRecordReader} reads older files with those absent ({@link AgentUsage#NONE}, 0, {@code null}, an
   * empty map).
   */
  public static final int SCHEMA_VERSION = 4;

  /** A record without sandbox host, as version 3 stored it. */
  public TrialRecord(String runId, String trialId, String dataset, String taskId, String taskHash, String agent,
      String model, int attempt, TrialStatus status, ErrorKind errorKind, String errorMessage, Double reward,
      Map<String, Double> rewards, Instant startedAt, Instant finishedAt, long setupMs, long agentMs, long verifierMs,
      long totalMs, String image, String sandboxId, AgentUsage usage, int retries, String scorer,
      String scoreExplanation, Map<String, String> metadata, String datasetFingerprint) {
    this(runId, trialId, dataset, taskId, taskHash, agent, model, attempt, status, errorKind, errorMessage, reward,
        rewards, startedAt, finishedAt, setupMs, agentMs, verifierMs, totalMs, image, sandboxId, usage, retries, scorer,
        scoreExplanation, metadata, datasetFingerprint, null);
  }

  /**
   * A record without scorer, explanation, metadata, dataset fingerprint or sandbox host, as versions 1 and 2 stored
   * it.
   */
  public TrialRecord(String runId, String trialId, String dataset, String taskId, String taskHash, String agent,
      String model, int attempt, TrialStatus status, ErrorKind errorKind, String errorMessage, Double reward,
      Map<String, Double> rewards, Instant startedAt, Instant finishedAt, long setupMs, long agentMs, long verifierMs,
      long totalMs, String image, String sandboxId, AgentUsage usage, int retries) {
    this(runId, trialId, dataset, taskId, taskHash, agent, model, attempt, status, errorKind, errorMessage, reward,
        rewards, startedAt, finishedAt, setupMs, agentMs, verifierMs, totalMs, image, sandboxId, usage, retries, null,
        null, Map.of(), null, null);
  }

  /**
   * Validates and normalizes the record.
   *
   * @throws NullPointerException if a required component is {@code null}, naming it
   * @throws IllegalArgumentException if components contradict each other or a number is out of range
   */
  public TrialRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(taskHash, "taskHash");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rewards, "rewards");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(usage, "usage");
    if ((status == TrialStatus.ERROR) != (errorKind != null)) {
      throw new IllegalArgumentException("trial " + trialId + ": errorKind must be set exactly when status is error,"
          + " but status is " + status.wireName() + " and errorKind is " + errorKind);
    }
    requireNotNegative(trialId, "attempt", attempt);
    requireNotNegative(trialId, "retries", retries);
    requireNotNegative(trialId, "setupMs", setupMs);
    requireNotNegative(trialId, "agentMs", agentMs);
    requireNotNegative(trialId, "verifierMs", verifierMs);
    requireNotNegative(trialId, "totalMs", totalMs);
    startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    finishedAt = finishedAt.truncatedTo(ChronoUnit.MILLIS);
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "trial " + trialId + ": finishedAt " + finishedAt + " is before startedAt " + startedAt);
    }
    rewards = Collections.unmodifiableSortedMap(new TreeMap<>(rewards));
    if (rewards.containsValue(null)) {
      throw new IllegalArgumentException("trial " + trialId + ": rewards has a null value: " + rewards);
    }
    Objects.requireNonNull(metadata, "metadata");
    metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    if (metadata.containsValue(null)) {
      throw new IllegalArgumentException("trial " + trialId + ": metadata has a null value: " + metadata);
    }
  }

  /** Returns a copy of this record with {@code usage} in place of {@link #usage()}. */
  public TrialRecord withUsage(AgentUsage usage) {
    return new TrialRecord(runId, trialId, dataset, taskId, taskHash, agent, model, attempt, status, errorKind,
        errorMessage, reward, rewards, startedAt, finishedAt, setupMs, agentMs, verifierMs, totalMs, image,
        sandboxId, usage, retries, scorer, scoreExplanation, metadata, datasetFingerprint, sandboxHost);
  }

  /** Returns a copy of this record that says it took {@code count} retries (on fresh sandboxes) to get. */
  public TrialRecord withRetries(int count) {
    return new TrialRecord(runId, trialId, dataset, taskId, taskHash, agent, model, attempt, status, errorKind,
        errorMessage, reward, rewards, startedAt, finishedAt, setupMs, agentMs, verifierMs, totalMs, image,
        sandboxId, usage, count, scorer, scoreExplanation, metadata, datasetFingerprint, sandboxHost);
  }

  /** Returns a copy of this record scored by {@code scorer}, which explained its reward with {@code explanation}. */
  public TrialRecord withScorer(String scorer, String explanation) {
    return new TrialRecord(runId, trialId, dataset, taskId, taskHash, agent, model, attempt, status, errorKind,
        errorMessage, reward, rewards, startedAt, finishedAt, setupMs, agentMs, verifierMs, totalMs, image,
        sandboxId, usage, retries, scorer, explanation, metadata, datasetFingerprint, sandboxHost);
  }

  /** Returns a copy of this record with its task's metadata and its dataset's fingerprint. */
  public TrialRecord withTaskInfo(Map<String, String> taskMetadata, String fingerprint) {
    return new TrialRecord(runId, trialId, dataset, taskId, taskHash, agent, model, attempt, status, errorKind,
        errorMessage, reward, rewards, startedAt, finishedAt, setupMs, agentMs, verifierMs, totalMs, image,
        sandboxId, usage, retries, scorer, scoreExplanation, taskMetadata, fingerprint, sandboxHost);
  }

  /** Returns a copy of this record that says the Docker engine at {@code host} ran it ({@code null}: unknown). */
  public TrialRecord withSandboxHost(String host) {
    return new TrialRecord(runId, trialId, dataset, taskId, taskHash, agent, model, attempt, status, errorKind,
        errorMessage, reward, rewards, startedAt, finishedAt, setupMs, agentMs, verifierMs, totalMs, image,
        sandboxId, usage, retries, scorer, scoreExplanation, metadata, datasetFingerprint, host);
  }

  private static void requireNotNegative(String trialId, String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("trial " + trialId + ": " + name + " must not be negative, was " + value);
    }
  }
}
